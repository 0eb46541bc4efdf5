namespace PrivacyHoldout170.Education;

/// <summary>The trust's supply desk: schools book supply teachers from the agency's pool.</summary>
public static class SupplyBookingEndpoints
{
    private static readonly ActivitySource Source = new("Trust.SupplyDesk");
    private static readonly Meter Meter = new("Trust.SupplyDesk");
    private static readonly Counter<long> Booked = Meter.CreateCounter<long>("supply.bookings");
    private static readonly SupplyhireChecksCounter Checks = Meter.CreateSupplyhireChecksCounter();

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/schools/{urn}/supply-bookings", BookAsync);
        routes.MapGet("/teachers/{trn}/bookings", ListAsync);
    }

    private static async Task<ActionResult> BookAsync(string urn, SupplyBooking booking, ICandidateStore candidates, ILoggerFactory loggers, Pseudonymizer pseudonymizer, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("SupplyDesk");
        using var span = Source.StartSupplyhireOperation(urn)
            .SetSupplyhireTeacherId(pseudonymizer.PseudonymizeSupplyhireTeacherId(booking.TeacherReferenceNumber)); // clean generated-api
        span.Activity?.SetTag("school.urn", urn); // clean precision-names
        span.Activity?.SetTag("supply.booking_id", booking.BookingId); // clean precision-names
        span.Activity?.SetTag("teacher.trn", booking.TeacherReferenceNumber); // leak TC1001 direct
        span.Activity?.SetTag("teacher.trn_supplied", !string.IsNullOrEmpty(booking.TeacherReferenceNumber)); // clean precision-about
        logger.LogInformation("School {Urn} booked teacher " + booking.TeacherReferenceNumber, urn); // leak TC1001 strings

        var candidate = await candidates.FindAsync(booking.CandidateId, cancellationToken);
        if (candidate is null)
        {
            span.SetSupplyhireOutcome("not_in_pool"); // clean precision-about
            Checks.Add(1, urn, "not_in_pool"); // clean generated-api
            throw new CandidateNotFoundException(booking.CandidateId); // leak TC1001 exceptions
        }

        var greeting = string.Format(CultureInfo.InvariantCulture, "Supply confirmed for {0} at {1}", candidate.FullName, urn);
        span.Activity?.AddEvent(new ActivityEvent("supply.confirmed", tags: new ActivityTagsCollection { ["summary"] = greeting })); // leak TC1001 strings
        span.Activity?.AddEvent(new ActivityEvent("supply.confirmed.count", tags: new ActivityTagsCollection { ["bookings"] = 1 })); // clean precision-about
        Booked.Add(1, new KeyValuePair<string, object?>("school", urn)); // clean precision-names
        Booked.Add(1, new KeyValuePair<string, object?>("teacher", booking.TeacherReferenceNumber)); // leak TC1003 direct
        Checks.Add(1, urn, booking.CandidateId); // leak TC1003 generated-api
        return new OkResult(new PlacementSummary(booking.BookingId, "supply_teacher", "booked"));
    }

    private static ActionResult ListAsync(string trn, ILoggerFactory loggers, Pseudonymizer pseudonymizer)
    {
        var logger = loggers.CreateLogger("SupplyDesk");
        logger.LogInformation("Listing bookings for teacher {Teacher}", pseudonymizer.ComputeSupplyhireTeacherId(trn)); // clean precision-pseudonym
        logger.LogInformation("Listing bookings for TRN of length {Length}", trn.Length); // clean precision-about
        logger.LogInformation("Listing bookings for TRN {Trn}", trn); // leak TC1001 direct
        Activity.Current?.SetTag("teacher.trn_prefix", trn[..2]); // clean precision-about
        Activity.Current?.SetTag("http.route", "/teachers/{trn}/bookings"); // clean precision-names
        Activity.Current?.SetTag("url.path", $"/teachers/{trn}/bookings"); // leak TC1001 strings
        return new OkResult(null);
    }
}
