namespace PrivacyHoldout214.Education;

/// <summary>A council's transport for pupils with appointments at the children's hospital, and its volunteer drivers' claims.</summary>
public static class HospitalVisitTransportApi
{
    private static readonly ActivitySource Source = new("PrivacyHoldout214.Education.HospitalVisits");

    public sealed record PupilJourneyRequest(string Upn, string PupilName, string SchoolCode, string ClinicCode, DateTimeOffset AppointmentAt, string ParentEmail, string MobilityCode);

    public sealed record ClaimRequest(string DriverId, string DriverName, string VehicleRegistration, decimal Miles, string SortCode, string AccountNumber, int Journeys);

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/pupil-journeys", RequestJourney);
        routes.MapPost("/mileage-claims", SubmitClaim);
    }

    internal static async Task<ActionResult> RequestJourney(PupilJourneyRequest request, ITransportStore store, Pseudonymizer pseudonymizer, ILogger<PupilJourneyRequest> logger, Meter meter, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("school.hospital_journey.request");
        activity?.SetTag("school.code", request.SchoolCode); // clean precision-names
        activity?.SetTag("school.pupil.upn", request.Upn); // leak TC1001 direct
        activity?.SetTag("school.pupil.name_length", request.PupilName.Length); // clean precision-about
        activity?.SetTag("school.parent.email_domain", request.ParentEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("school.clinic", request.ClinicCode); // clean precision-names
        activity?.SetTag("school.appointment.hour", request.AppointmentAt.Hour); // clean precision-about
        Activity.Current?.AddBaggage("pupil.upn", request.Upn); // leak TC1001 direct
        Activity.Current?.AddBaggage("pupil.ref", pseudonymizer.ComputeSchoolhopClientId(request.Upn)); // clean precision-pseudonym

        var text = new StringBuilder();
        text.Append("Journey for ").Append(request.PupilName).Append(" from ").Append(request.SchoolCode);
        logger.LogInformation(text.ToString()); // leak TC1001 strings
        logger.LogInformation(string.Format("Journey to {0} at {1:t}", request.ClinicCode, request.AppointmentAt)); // clean strings
        logger.LogInformation("Parent to be told at " + request.ParentEmail); // leak TC1001 strings

        var booking = new TransportBooking(Guid.NewGuid(), request.Upn, request.SchoolCode, "SCHOOL", request.AppointmentAt.AddMinutes(-45), request.ClinicCode, request.MobilityCode, true);
        await store.SaveBookingAsync(booking, cancellationToken);
        logger.LogInformation("Journey {@Journey}", new { booking.BookingId, booking.ClinicCode, booking.MobilityCode, booking.EscortTravelling }); // clean logging-objects
        logger.LogInformation("Journey {@Journey}", new { booking.BookingId, Pupil = request.PupilName }); // leak TC1001 logging-objects
        logger.LogInformation("Journey saved {@Booking}", booking with { PickupAddress = "school gate" }); // leak TC1001 logging-objects

        using var span = Source.StartSchoolhopOperation(request.SchoolCode); // clean generated-api
        span.SetSchoolhopClientId(pseudonymizer.PseudonymizeSchoolhopClientId(request.Upn)); // clean generated-api
        span.SetSchoolhopMinutes(45); // clean generated-api
        span.SetSchoolhopNote($"escort for {request.PupilName}"); // leak TC1001 generated-api
        span.SetSchoolhopNote($"clinic {request.ClinicCode}, {request.MobilityCode}"); // clean generated-api
        activity?.SetTag(SchoolhopAttributes.Contact, request.ParentEmail); // leak TC1001 generated-api
        meter.CreateSchoolhopOperationDurationHistogram().Record(0.2, request.SchoolCode); // clean generated-api
        return new OkResult(booking.BookingId);
    }

    internal static async Task<ActionResult> SubmitClaim(ClaimRequest request, IMileagePayments payments, TransportOptions options, ILogger<ClaimRequest> logger, Meter meter, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("school.mileage_claim.submit");
        var amount = request.Miles * options.PencePerMile / 100m;
        var claim = new MileageClaim(Guid.NewGuid(), request.DriverId, request.DriverName, request.VehicleRegistration, request.Miles, amount, request.SortCode, request.AccountNumber, request.Journeys);
        activity?.SetTag("claim.id", claim.ClaimId); // clean precision-names
        activity?.SetTag("claim.miles", claim.Miles); // clean precision-about
        activity?.SetTag("claim.amount", (double)claim.Amount); // clean precision-about
        activity?.SetTag("claim.sort_code", claim.SortCode); // clean precision-about
        activity?.SetTag("claim.driver.id", claim.DriverId); // leak TC1001 direct
        activity?.SetTag("claim.account_last2", claim.AccountNumber[^2..]); // clean precision-about
        activity?.SetTag("claim.driver_count", 1); // clean precision-names
        meter.CreateCounter<long>("school.claims").Add(1, new KeyValuePair<string, object?>("driver", claim.DriverName)); // leak TC1003 direct
        meter.CreateCounter<long>("school.claim.journeys").Add(claim.Journeys, new KeyValuePair<string, object?>("depot", options.DepotCode)); // clean precision-about

        try
        {
            var reference = await payments.PayAsync(claim, cancellationToken);
            activity?.SetTag("claim.payment.reference", reference); // clean precision-names
            logger.LogInformation("Claim paid {@Totals}", new ClaimTotals(claim.ClaimId, options.DepotCode, claim.Miles, claim.Amount, claim.Journeys)); // clean logging-objects
        }
        catch (ClaimRejectedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogError("Claim {ClaimId} rejected: {Reason}", claim.ClaimId, ex.Message); // leak TC1001 exceptions
            logger.LogError("Claim {ClaimId} rejected ({Type})", claim.ClaimId, ex.GetType().FullName); // clean exceptions
            logger.LogError("Claim rejected {Claim}", claim); // leak TC1001 logging-objects
            return new BadRequestResult("rejected");
        }

        var driversOnClaim = string.Join(", ", new[] { request.DriverName, request.VehicleRegistration });
        logger.LogInformation("Claim for {Drivers}", driversOnClaim); // leak TC1001 strings
        var driverHash = request.DriverId.GetHashCode();
        logger.LogInformation("Claim bucket {Bucket}", driverHash % 16); // leak TC1002 hashes
        var vehicleMd5 = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.VehicleRegistration)));
        activity?.SetTag("claim.vehicle.md5", vehicleMd5); // leak TC1002 hashes
        using var hmac = new HMACSHA256(options.ShardKey);
        activity?.SetTag("claim.vehicle.key", Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(request.VehicleRegistration)))[..8]); // clean hashes
        return new OkResult(claim.ClaimId);
    }
}
