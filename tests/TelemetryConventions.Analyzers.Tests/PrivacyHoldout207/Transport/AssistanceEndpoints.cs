using PrivacyHoldout207.Telemetry;

namespace PrivacyHoldout207.Transport;

public sealed record AssistanceRequest(string BookingRef, string PassengerName, string Mobile, string FromStation, string ToStation, string Need, string? Companion);

/// <summary>Passenger Assist for deaf, hard of hearing, blind and partially sighted passengers: bookings and turn-up-and-go.</summary>
public static partial class AssistanceEndpoints
{
    private static readonly ActivitySource Source = new("Rail.Assistance");
    private static readonly Meter AssistMeter = new("Rail.Assistance");
    private static readonly Counter<long> Assists = AssistMeter.CreateCounter<long>("rail.assists");
    private static readonly Histogram<double> Wait = AssistMeter.CreateHistogram<double>("rail.assist.wait", "min");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/assist", Book);
        routes.MapPost("/assist/{bookingRef}/met", Met);
    }

    private static object Book(AssistanceRequest request, ILogger<AssistanceStore> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, TextMessenger texts)
    {
        using var span = Source.StartRailsenseOperation(request.FromStation);
        var passenger = pseudonymizer.PseudonymizeRailsenseClientId(request.Mobile);
        span.SetRailsenseClientId(passenger); // clean precision-pseudonym
        span.SetRailsenseService(request.Need); // clean generated-api
        span.SetRailsenseMode("booked"); // clean generated-api
        span.SetRailsenseNote($"Booking {request.BookingRef} {request.FromStation}->{request.ToStation}"); // clean generated-api
        span.SetRailsenseNote($"Text {request.Mobile} when the train is on the platform"); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("assist.booking_ref", request.BookingRef); // clean precision-names
        activity?.SetTag("assist.need", request.Need); // clean precision-about
        activity?.SetTag("assist.passenger_name", request.PassengerName); // leak TC1001 direct
        activity?.SetTag("assist.mobile", request.Mobile); // leak TC1001 direct
        activity?.SetTag("assist.has_companion", request.Companion is not null); // clean precision-about
        activity?.SetTag("assist.companion", request.Companion); // leak TC1001 direct
        activity?.SetTag("assist.passenger", passenger); // clean precision-pseudonym
        activity?.SetTag(RailsenseAttributes.Contact, request.Mobile); // leak TC1001 generated-api

        Assists.Add(1, new KeyValuePair<string, object?>("station", request.FromStation), new KeyValuePair<string, object?>("need", request.Need)); // clean precision-about
        Assists.Add(1, new KeyValuePair<string, object?>("passenger", passenger.Value)); // leak TC1003 precision-pseudonym

        var booking = new AssistanceBooking(request.BookingRef, request.PassengerName, request.Mobile, request.FromStation, request.ToStation, request.Need);
        logger.LogInformation("Assist booked {@Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Assist booked {Booking}", booking with { Mobile = request.Mobile[..3] }); // leak TC1001 logging-objects
        logger.LogInformation("Assist booked {Booking}", booking with { PassengerName = "", Mobile = "" }); // clean logging-objects
        logger.LogInformation("Assist {Route}", new { request.BookingRef, request.FromStation, request.ToStation }); // clean logging-objects
        logger.LogInformation("Assist for {Passenger} ({Need})", passenger, request.Need); // clean precision-pseudonym

        var dedupe = HashCode.Combine(request.PassengerName, request.FromStation);
        activity?.SetTag("assist.dedupe", dedupe); // leak TC1002 hashes
        var staffBucket = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(request.Mobile)))[..6];
        activity?.SetTag("assist.bucket", staffBucket); // clean hashes

        LogBooked(logger, request.BookingRef, request.PassengerName); // clean logging-objects
        LogBookedPlain(logger, request.BookingRef, request.PassengerName); // leak TC1001 logging-objects
        return new { request.BookingRef };
    }

    private static object Met(string bookingRef, double waitMinutes, string staffNumber, ILogger<AssistanceStore> logger)
    {
        var activity = Activity.Current;
        activity?.SetTag("assist.booking_ref", bookingRef); // clean precision-names
        activity?.SetTag("assist.staff_number", staffNumber); // leak TC1001 direct
        Wait.Record(waitMinutes, new KeyValuePair<string, object?>("booking", bookingRef)); // clean precision-names
        Wait.Record(waitMinutes, new KeyValuePair<string, object?>("staff", staffNumber)); // leak TC1003 direct
        AssistMeter.CreateRailsenseOperationDurationHistogram().Record(waitMinutes * 60, "platform"); // clean generated-api
        logger.LogInformation("Met {BookingRef} after {Wait:F1} min", bookingRef, waitMinutes); // clean precision-about
        return new { bookingRef };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Assist {BookingRef} for {PassengerName}")]
    private static partial void LogBooked(ILogger logger, string bookingRef, [PrivateData] string passengerName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Assist {BookingRef} confirmed to {PassengerName}")]
    private static partial void LogBookedPlain(ILogger logger, string bookingRef, string passengerName);
}
