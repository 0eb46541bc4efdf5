namespace PrivacyHoldout146.Education;

/// <summary>The graduation booking API the student portal calls.</summary>
public static class GraduationBookingEndpoints
{
    private static readonly Meter PortalMeter = new("University.Graduation.Portal");
    private static readonly Counter<long> BookingsMade = PortalMeter.CreateCounter<long>("graduation.portal.bookings");

    public static EndpointRoutes MapGraduationBookings(this EndpointRoutes routes)
    {
        routes.MapPost("/graduation/bookings", async (CeremonyBooking booking, IGraduationRegistry registry, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<CeremonyBooking> logger, CancellationToken cancellationToken) =>
        {
            using var span = source.StartGraduationOperation(booking.CeremonyCode);
            span.SetGraduationStudentId(pseudonymizer.PseudonymizeGraduationStudentId(booking.StudentNumber)).SetGraduationGuestCount(booking.GuestTickets); // clean precision-pseudonym
            logger.LogInformation("Booking requested {@Booking}", booking); // leak TC1001 logging-objects
            Activity.Current?.SetTag("graduation.step_free", booking.NeedsStepFreeAccess); // clean precision-about
            try
            {
                var graduand = await registry.GraduandAsync(booking.StudentNumber, cancellationToken);
                Activity.Current?.SetTag("graduation.faculty", graduand.Faculty); // clean precision-about
                Activity.Current?.SetTag("graduation.award", graduand.Award); // clean precision-about
                var confirmation = await registry.BookAsync(booking, cancellationToken);
                logger.LogInformation("Booked {Confirmation}", confirmation); // clean logging-objects
                BookingsMade.Add(1, new KeyValuePair<string, object?>("ceremony", booking.CeremonyCode)); // clean precision-about
                BookingsMade.Add(1, new KeyValuePair<string, object?>("student", booking.StudentNumber)); // leak TC1003 direct
                meter.CreateGraduationBookingsCounter().Add(1, graduationCeremony: booking.CeremonyCode, graduationOutcome: "booked"); // clean generated-api
                return (ActionResult)new OkResult(confirmation);
            }
            catch (GraduandNotEligibleException ex)
            {
                span.SetGraduationOutcome(ex.ReasonCode); // clean exceptions
                span.SetGraduationNote(ex.Message); // leak TC1001 generated-api
                return new BadRequestResult(ex.ReasonCode);
            }
            catch (CeremonyFullException ex)
            {
                span.SetGraduationNote(ex.Message); // clean generated-api
                logger.LogWarning(ex, "Ceremony {CeremonyCode} full", booking.CeremonyCode); // clean exceptions
                return new BadRequestResult("full");
            }
        });

        routes.MapGet("/graduation/graduands/{studentNumber}/pronunciation", async (string studentNumber, IGraduationRegistry registry, ILogger<Graduand> logger, CancellationToken cancellationToken) =>
        {
            var graduand = await registry.GraduandAsync(studentNumber, cancellationToken);
            logger.LogDebug("Reader card for {StudentNumber}: {PhoneticName}", studentNumber, graduand.PhoneticName); // leak TC1001 direct
            Activity.Current?.SetTag("graduation.phonetic_name_length", graduand.PhoneticName.Length); // clean precision-about
            Activity.Current?.SetTag("graduation.reader_card_template", "reader-card-v2"); // clean precision-names
            Activity.Current?.SetTag("graduation.student_email", graduand.Email); // leak TC1001 direct
            Activity.Current?.SetTag("graduation.student_count", 1); // clean precision-names
            return (ActionResult)new OkResult(graduand.PhoneticName);
        });

        routes.MapPost("/graduation/guests/{ceremonyCode}", async (string ceremonyCode, GuestTicket ticket, IGraduationRegistry registry, ILogger<GuestTicket> logger, CancellationToken cancellationToken) =>
        {
            var guests = await registry.GuestsAsync(ceremonyCode, cancellationToken);
            if (guests.Any(g => g.GuestEmail == ticket.GuestEmail))
            {
                var duplicate = new DuplicateGuestException(ticket.GuestEmail);
                Activity.Current?.AddException(duplicate); // leak TC1001 exceptions
                logger.LogWarning("Duplicate guest {GuestName} for {CeremonyCode}", ticket.GuestName, ceremonyCode); // leak TC1001 direct
                return (ActionResult)new BadRequestResult("duplicate");
            }

            Activity.Current?.SetTag("graduation.guest_ticket_id", ticket.TicketId); // clean precision-names
            Activity.Current?.SetTag("graduation.guest_dietary_code", ticket.DietaryCode); // clean precision-about
            return new OkResult(ticket.TicketId);
        });

        return routes;
    }
}
