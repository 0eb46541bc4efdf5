namespace PrivacyHoldout199.Transport;

/// <summary>A driver recruitment agency's minimal API for hauliers and bus operators: licence, DQC and DBS vetting.</summary>
public static partial class DriverVettingEndpoints
{
    private static readonly ActivitySource Source = new("TalentBridge.DriveHire");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/drivers/licence-checks", CheckLicence);
        routes.MapPost("/drivers/{candidateId}/offer", SendOffer);
    }

    private static string CheckLicence(DriverLicenceCheck check, string candidateId, ILogger<DriverLicenceCheck> logger, Pseudonymizer pseudonymizer, Meter meter)
    {
        using var span = Source.StartDrivehireOperation("depot-leeds");
        span.SetDrivehireRole(check.HoldsCategoryC ? "hgv-c" : "pcv-d"); // clean generated-api
        span.SetDrivehireClientId(pseudonymizer.PseudonymizeDrivehireClientId(candidateId)); // clean precision-pseudonym
        span.SetDrivehireNote($"licence {check.LicenceNumber} has {check.PenaltyPoints} points"); // leak TC1001 generated-api
        span.SetDrivehireNote($"check {check.CheckId}: {check.PenaltyPoints} points"); // clean generated-api

        var activity = span.Activity;
        activity?.SetTag("drivehire.check.id", check.CheckId); // clean precision-names
        activity?.SetTag("drivehire.licence.number", check.LicenceNumber); // leak TC1001 direct
        activity?.SetTag("drivehire.dqc.number", check.DqcNumber); // leak TC1001 direct
        activity?.SetTag("drivehire.dqc.supplied", check.DqcNumber.Length > 0); // clean precision-about
        activity?.SetTag("drivehire.licence.penalty_points", check.PenaltyPoints); // clean precision-about
        activity?.SetTag("drivehire.licence.category_c", check.HoldsCategoryC); // clean precision-about
        activity?.SetTag("drivehire.licence.number_length", check.LicenceNumber.Length); // clean precision-about
        activity?.SetTag("drivehire.candidate.id", candidateId); // leak TC1001 direct

        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(check.LicenceNumber));
        activity?.SetTag("drivehire.licence.token", encoded); // leak TC1001 hashes
        var combined = HashCode.Combine(check.LicenceNumber, check.DqcNumber);
        logger.LogInformation("Licence dedupe {Combined}", combined); // leak TC1002 hashes
        var checkShard = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(check.CheckId)))[..6];
        logger.LogInformation("Check shard {Shard}", checkShard); // clean hashes

        logger.LogInformation("Licence check {Check}", check); // leak TC1001 logging-objects
        logger.LogInformation("Licence check {Check}", new { check.CheckId, check.PenaltyPoints, check.HoldsCategoryC }); // clean logging-objects
        logger.LogInformation("Licence check {Check}", check with { LicenceNumber = "", DqcNumber = "" }); // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["CheckId"] = check.CheckId, ["Licence"] = check.LicenceNumber })) // leak TC1001 logging-objects
        {
            LogLicenceChecked(logger, check.CheckId, check.LicenceNumber); // clean logging-objects
            LogDqcChecked(logger, check.CheckId, check.DqcNumber); // leak TC1001 logging-objects
        }

        meter.CreateDrivehireOperationsCounter().Add(1, "depot-leeds", drivehireOutcome: check.PenaltyPoints > 6 ? "refer" : "pass"); // clean generated-api
        meter.CreateDrivehireOperationsCounter().Add(1, check.LicenceNumber, drivehireOutcome: "pass"); // leak TC1003 generated-api
        var checks = meter.CreateCounter<int>("drivehire.licence.checks");
        checks.Add(1, new KeyValuePair<string, object?>("points", check.PenaltyPoints)); // clean precision-about
        checks.Add(1, new KeyValuePair<string, object?>("driver", pseudonymizer.ComputeDrivehireClientId(candidateId))); // leak TC1003 precision-pseudonym
        return check.CheckId;
    }

    private static async Task<string> SendOffer(string candidateId, JobOffer offer, CandidateStore store, HomeOfficeClient homeOffice, ILogger<DriverLicenceCheck> logger, Pseudonymizer pseudonymizer)
    {
        var activity = Activity.Current;
        activity?.SetTag("drivehire.offer.id", offer.OfferId); // clean precision-names
        activity?.SetTag("drivehire.vacancy.id", offer.VacancyId); // clean precision-names
        activity?.SetTag("drivehire.offer.salary_band", offer.SalaryBand); // clean precision-about
        var driver = store.Find(candidateId) ?? throw new CandidateNotFoundException(candidateId); // leak TC1001 exceptions
        activity?.SetTag("drivehire.driver.name", driver.FullName); // leak TC1001 direct
        activity?.SetTag("drivehire.driver.postcode_area", driver.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag(DrivehireAttributes.Contact, pseudonymizer.ComputeDrivehireClientId(driver.Email)); // leak TC1001 generated-api
        Baggage.SetBaggage("drivehire.driver", pseudonymizer.ComputeDrivehireClientId(candidateId)); // clean precision-pseudonym
        Baggage.SetBaggage("drivehire.driver_email", driver.Email); // leak TC1001 direct
        var letter = string.Concat("Dear ", driver.FullName, ", your offer ", offer.OfferId);
        logger.LogDebug("Offer letter preview {Letter}", letter); // leak TC1001 strings
        logger.LogDebug("Offer letter preview {Letter}", string.Concat("offer ", offer.OfferId, " band ", offer.SalaryBand)); // clean strings

        var check = new RightToWorkCheck("RTW-" + offer.OfferId, "W4X7Y2Z9K", driver.DateOfBirth, "GB");
        try
        {
            var outcome = await homeOffice.CheckAsync(check);
            activity?.SetTag("drivehire.rtw.outcome", outcome.Outcome); // clean precision-about
            logger.LogInformation("Right-to-work outcome {Outcome}", outcome); // clean logging-objects
            logger.LogInformation("Right-to-work request {@Check}", check); // leak TC1001 logging-objects
        }
        catch (ShareCodeRejectedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogDrivehireOperationFailedEvent("depot-leeds", "rtw-rejected", drivehireClientId: pseudonymizer.PseudonymizeDrivehireClientId(candidateId)); // clean generated-api
        }
        catch (HomeOfficeUnavailableException ex)
        {
            logger.LogError(ex, "Home Office unavailable"); // clean exceptions
            activity?.SetTag("drivehire.rtw.error", ex.Message); // clean exceptions
        }

        return offer.OfferId;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Check {CheckId} on licence {LicenceNumber}")]
    private static partial void LogLicenceChecked(ILogger logger, string checkId, [PrivateData] string licenceNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Check {CheckId} on DQC {DqcNumber}")]
    private static partial void LogDqcChecked(ILogger logger, string checkId, string dqcNumber);
}

/// <summary>Schedules the next morning's driver interviews and chases missing timesheets.</summary>
public sealed class InterviewSchedulingWorker(
    IQueueReceiver<InterviewBooking> queue,
    ILogger<InterviewSchedulingWorker> logger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("TalentBridge.DriveHire.Scheduler");
    private InterviewBooking? _current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            _current = await queue.ReceiveAsync(stoppingToken);
            if (_current is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("interview.schedule");
            activity?.SetTag("interview.booking.id", _current.BookingId); // clean precision-names
            activity?.SetTag("interview.starts_at", _current.StartsAt.ToString("O")); // clean precision-about
            activity?.SetTag("interview.days_ahead", (_current.StartsAt - DateTimeOffset.UtcNow).Days); // clean precision-about
            activity?.SetTag("interview.candidate", pseudonymizer.ComputeDrivehireClientId(_current.CandidateId)); // clean precision-pseudonym
            Notify();
        }
    }

    private void Notify()
    {
        var booking = _current!;
        Activity.Current?.SetTag("interview.candidate_name", booking.CandidateName); // leak TC1001 cross-member
        Activity.Current?.SetTag("interview.interviewer", booking.InterviewerEmail); // leak TC1001 cross-member
        Activity.Current?.SetTag("interview.booking", booking.BookingId); // clean cross-member
        logger.LogInformation("Reminder queued for {Booking}", booking); // leak TC1001 cross-member
        logger.LogInformation("Reminder queued for {BookingId} at {StartsAt}", booking.BookingId, booking.StartsAt); // clean cross-member
    }
}
