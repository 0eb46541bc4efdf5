namespace PrivacyHoldout171.Education;

public sealed record JoinCarClubRequest(string StudentNumber, string UniversityEmail, string Mobile, string LicenceNumber, string Campus, string Course);

public sealed record CarClubBooking(string BookingReference, string StudentNumber, string Bay, DateTimeOffset From, int Hours);

/// <summary>The university car club's minimal API: students and staff join, then book cars from campus bays.</summary>
public static partial class CarClubEndpoints
{
    private static readonly ActivitySource Source = new("Campus.CarClub");
    private static readonly Meter Meter = new("Campus.CarClub");
    private static readonly Counter<long> Joins = Meter.CreateCounter<long>("carclub.joins");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/car-club/members", JoinAsync);
        routes.MapPost("/car-club/bookings", BookAsync);
    }

    public static async Task<ActionResult> JoinAsync(JoinCarClubRequest request, IRenterStore renters, Pseudonymizer pseudonymizer, ILogger<CarClubBooking> logger)
    {
        using var activity = Source.StartActivity("carclub.join");
        activity?.SetTag("carclub.campus", request.Campus); // clean precision-names
        activity?.SetTag("carclub.course", request.Course); // clean precision-names
        activity?.SetTag("carclub.student", pseudonymizer.PseudonymizeCarclubRenterId(request.StudentNumber)); // clean precision-pseudonym

        var existing = await renters.FindByEmailAsync(request.UniversityEmail);
        if (existing is not null)
        {
            var ex = new DuplicateRenterException(request.UniversityEmail);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            LogDuplicate(logger, existing.RenterId.Length); // clean precision-about
            return new BadRequestResult("duplicate");
        }

        LogJoined(logger, request.StudentNumber, request.Campus); // clean precision-names
        LogJoinedPlain(logger, request.StudentNumber, request.Campus); // leak TC1001 direct
        Joins.Add(1, new KeyValuePair<string, object?>("campus", request.Campus)); // clean precision-names
        Joins.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.PseudonymizeCarclubRenterId(request.StudentNumber))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Welcome text sent to {Mobile}", request.Mobile); // leak TC1001 direct
        logger.LogInformation("Welcome text sent ({Length} digits)", request.Mobile.Length); // clean precision-about
        return new OkResult(null);
    }

    public static ActionResult BookAsync(CarClubBooking booking, ILogger<CarClubBooking> logger)
    {
        using var activity = Source.StartActivity("carclub.book");
        activity?.SetTag("carclub.booking.reference", booking.BookingReference); // clean precision-names
        activity?.SetTag("carclub.bay", booking.Bay); // clean precision-names
        activity?.SetTag("carclub.hours", booking.Hours); // clean precision-about
        activity?.SetTag("carclub.slot", string.Concat(booking.Bay, "/", booking.From.ToString("HH:mm", CultureInfo.InvariantCulture))); // clean strings
        if (activity is not null) activity.DisplayName = $"book {booking.Bay} for {booking.StudentNumber}"; // leak TC1001 strings
        logger.LogInformation("Booking {Booking}", booking); // leak TC1001 logging-objects
        return new OkResult(null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {StudentNumber} joined at {Campus}")]
    private static partial void LogJoined(ILogger logger, [PrivateData] string studentNumber, string campus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Car club member {StudentNumber} joined at {Campus}")]
    private static partial void LogJoinedPlain(ILogger logger, string studentNumber, string campus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Duplicate car club member (id length {Length})")]
    private static partial void LogDuplicate(ILogger logger, int length);
}
