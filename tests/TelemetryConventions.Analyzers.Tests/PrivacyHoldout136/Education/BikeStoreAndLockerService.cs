namespace PrivacyHoldout136.Education;

public sealed record LockerRequest(string StudentNumber, string StudentEmail, string LockerBankId, string Course);

public sealed record BikeRegistration(string StudentNumber, string FrameNumber, string Make, string Colour, bool HasLock);

/// <summary>Allocates term lockers to students and books them into the secure bike store.</summary>
public sealed class BikeStoreAndLockerService(
    ILockerController lockers,
    ICycleHubClient cycleHub,
    ILogger<BikeStoreAndLockerService> logger,
    ActivitySource activitySource,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _allocations = meter.CreateCounter<long>("campus.locker.allocations");
    private readonly CampusgateDwellDurationHistogram _bikeStay = meter.CreateCampusgateDwellDurationHistogram();
    private readonly List<LockerAssignment> _pendingCodes = new();

    public async Task<LockerAssignment?> AllocateLockerAsync(LockerRequest request, CancellationToken cancellationToken)
    {
        using var activity = activitySource.StartActivity("campus.locker.allocate");
        activity?.SetTag("locker.bank", request.LockerBankId); // clean precision-names
        activity?.SetTag("locker.course", request.Course); // clean precision-names
        activity?.SetTag("locker.student_email_domain", request.StudentEmail.Split('@')[1]); // clean precision-about

        var status = await lockers.StatusAsync(request.LockerBankId, cancellationToken);
        activity?.SetTag("locker.bank.free", status.Free); // clean precision-about
        if (status.Free == 0)
        {
            logger.LogWarning("Locker bank full {@Status}", status); // clean logging-objects
            return null;
        }

        var assignment = await lockers.AssignAsync(request.LockerBankId, request.StudentNumber, TimeSpan.FromDays(90), cancellationToken);
        _pendingCodes.Add(assignment);
        activity?.SetTag("locker.number", assignment.LockerNumber); // clean precision-names
        activity?.SetTag("locker.code", assignment.AccessCode); // leak TC1001 cross-member
        activity?.SetTag("locker.code.length", assignment.AccessCode.Length); // clean precision-about
        logger.LogInformation("Locker allocated: {Assignment}", assignment); // leak TC1001 logging-objects
        logger.LogInformation("Locker {Bank}/{Locker} allocated to {Email}", assignment.LockerBankId, assignment.LockerNumber, request.StudentEmail); // leak TC1001 direct
        _allocations.Add(1, new KeyValuePair<string, object?>("bank", request.LockerBankId)); // clean precision-names
        return assignment;
    }

    public async Task OpenWithCodeAsync(string lockerBankId, string accessCode, CancellationToken cancellationToken)
    {
        using var activity = activitySource.StartActivity("campus.locker.open");
        try
        {
            var assignment = await lockers.FindByCodeAsync(lockerBankId, accessCode, cancellationToken)
                ?? throw new AccessCodeExpiredException(accessCode, lockerBankId);
            if (!await lockers.OpenAsync(lockerBankId, assignment.LockerNumber, cancellationToken))
            {
                throw new LockerJammedException(lockerBankId, assignment.LockerNumber);
            }
        }
        catch (AccessCodeExpiredException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("locker.failure", ex.GetType().Name); // clean exceptions
        }
        catch (LockerJammedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "Locker jammed at {Bank}", ex.LockerBankId); // clean exceptions
        }
    }

    public async Task<BikeSpaceBooking?> BookBikeSpaceAsync(BikeRegistration bike, DateOnly day, CancellationToken cancellationToken)
    {
        using var span = activitySource.StartCampusgateAccess("bike-store-north");
        span.SetCampusgateHolderId(pseudonymizer.PseudonymizeCampusgateHolderId(bike.StudentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("bike.make", bike.Make); // clean precision-names
        span.Activity?.SetTag("bike.frame", bike.FrameNumber); // leak TC1001 direct
        span.Activity?.SetTag("bike.has_lock", bike.HasLock); // clean precision-about

        try
        {
            var from = day.ToDateTime(new TimeOnly(8, 0));
            var booking = await cycleHub.BookAsync("bike-store-north", bike.StudentNumber, from, from.AddHours(10), cancellationToken);
            span.Activity?.SetTag("bike.booking_id", booking.BookingId); // clean precision-names
            span.Activity?.SetTag("bike.rack", booking.Rack); // clean precision-names
            logger.LogInformation("Bike space booked: {@Booking}", booking); // leak TC1001 logging-objects
            _bikeStay.Record((booking.To - booking.From).TotalSeconds, "bike-store-north", campusgateZone: $"rack-{booking.Rack}"); // clean generated-api
            return booking;
        }
        catch (HubFullException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return null;
        }
    }

    public void FlushPendingCodes()
    {
        logger.LogDebug("Codes awaiting first use: {Codes}", string.Join(",", _pendingCodes.Select(a => a.AccessCode))); // leak TC1001 strings
        logger.LogDebug("{Pending} codes awaiting first use", _pendingCodes.Count); // clean precision-about
        _pendingCodes.Clear();
    }
}
