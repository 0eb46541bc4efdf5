namespace PrivacyHoldout134.Gaming;

public sealed record ClinicSignUp(string EmployeeId, string DisplayName, string Email, string Office, string Vaccine, bool NeedlePhobia);

/// <summary>The studio's intranet endpoints for its yearly on-site flu and COVID clinic.</summary>
public static class StudioVaccinationClinicEndpoints
{
    private static readonly ActivitySource Source = new("Studio.Wellbeing");
    private static readonly Meter Meter = new("Studio.Wellbeing");
    private static readonly UpDownCounter<int> SlotsLeft = Meter.CreateUpDownCounter<int>("studio.clinic.slots_left");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/wellbeing/clinic/{sessionId}", SignUpAsync);
        routes.MapPost("/wellbeing/clinic/bookings/{bookingId}/cancel", CancelAsync);
    }

    internal static async Task<ActionResult> SignUpAsync(string sessionId, ClinicSignUp signUp, IVaccinationBookingApi api, Pseudonymizer pseudonymizer, ILogger<ClinicSignUp> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartEsportsmedDeclaration(esportsmedVenue: signUp.Office, spanName: "studio.clinic.signup");
        span.SetEsportsmedSubstance(signUp.Vaccine); // clean precision-names
        span.SetEsportsmedPlayerId(pseudonymizer.PseudonymizeEsportsmedPlayerId(signUp.EmployeeId)); // clean precision-pseudonym
        span.Activity?.SetTag("studio.clinic.needle_phobia", signUp.NeedlePhobia); // clean precision-about
        span.Activity?.SetTag("studio.employee.email", signUp.Email); // leak TC1001 direct
        Activity.Current?.SetBaggage("studio.employee", pseudonymizer.ComputeEsportsmedPlayerId(signUp.EmployeeId)); // clean precision-pseudonym
        logger.LogInformation("Clinic sign up {SignUp}", signUp); // leak TC1001 logging-objects

        try
        {
            var booking = await api.BookAsync(sessionId, signUp.EmployeeId, signUp.DisplayName, signUp.Email, cancellationToken);
            logger.LogInformation("Booked {BookingId} at {Slot:t} in {Office}", booking.BookingId, booking.SlotStart, signUp.Office); // clean precision-names
            SlotsLeft.Add(-1, new KeyValuePair<string, object?>("office", signUp.Office), new KeyValuePair<string, object?>("vaccine", signUp.Vaccine)); // clean precision-names
            SlotsLeft.Add(-1, new KeyValuePair<string, object?>("employee", signUp.EmployeeId)); // leak TC1003 direct
            return new OkResult(booking.BookingId);
        }
        catch (SessionFullException ex)
        {
            logger.LogWarning(ex, "Clinic full"); // clean exceptions
            return new BadRequestResult("full");
        }
    }

    internal static async Task<ActionResult> CancelAsync(string bookingId, IVaccinationBookingApi api, HttpContextInfo http, ILogger<ClinicSignUp> logger, CancellationToken cancellationToken)
    {
        await api.CancelAsync(bookingId, cancellationToken);
        logger.LogInformation("Booking {BookingId} cancelled by {User}", bookingId, http.User.Email); // leak TC1001 direct
        logger.LogInformation("Booking {BookingId} cancelled, signed in {SignedIn}", bookingId, http.User.IsAuthenticated); // clean precision-about
        return new OkResult(null);
    }
}
