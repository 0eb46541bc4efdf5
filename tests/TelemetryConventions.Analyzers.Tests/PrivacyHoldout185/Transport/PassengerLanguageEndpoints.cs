namespace PrivacyHoldout185.Transport;

/// <summary>The rail operator's language assistance for passengers, and interpreters booked for defendants in its prosecutions.</summary>
public static partial class PassengerLanguageEndpoints
{
    private static readonly ActivitySource Source = new("Rail.LanguageAssist");
    private static readonly Meter Meter = new("Rail.LanguageAssist");
    private static readonly Counter<long> Assists = Meter.CreateCounter<long>("language_assist.requests");
    private static readonly Counter<long> CourtBookings = Meter.CreateCounter<long>("prosecutions.interpreter_bookings");
    private static readonly RailvoiceOperationsCounter Operations = Meter.CreateRailvoiceOperationsCounter();
    private static readonly RailvoiceOperationDurationHistogram Duration = Meter.CreateRailvoiceOperationDurationHistogram();

    private static string? _lastDefendant;

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/language-assist", Assist);
        routes.MapPost("/prosecutions/interpreters", BookForDefendantAsync);
    }

    internal static ActionResult Assist(PassengerLanguageAssist request, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<PassengerLanguageAssist> logger)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartRailvoiceOperation(request.Station);
        span.SetRailvoiceLanguage(request.Language); // clean precision-names
        span.SetRailvoiceMode("telephone"); // clean precision-names
        span.SetRailvoiceClientId(pseudonymizer.PseudonymizeRailvoiceClientId(request.BookingReference + request.PassengerName)); // clean precision-pseudonym
        span.SetRailvoiceNote($"Meet {request.PassengerName} at {request.Station}"); // leak TC1001 generated-api
        span.SetRailvoiceNote($"Booking {request.BookingReference} at {request.Station}"); // clean generated-api

        var activity = span.Activity;
        activity?.SetTag("language_assist.request_id", request.RequestId); // clean precision-names
        activity?.SetTag("language_assist.booking_reference", request.BookingReference); // clean precision-names
        activity?.SetTag("language_assist.passenger_name", request.PassengerName); // leak TC1001 direct
        activity?.SetTag("language_assist.mobile", request.Mobile); // leak TC1001 direct
        activity?.SetTag("language_assist.mobile_prefix", request.Mobile[..3]); // clean precision-about
        activity?.SetTag("language_assist.mobile_present", request.Mobile.Length > 0); // clean precision-about
        activity?.SetTag("language_assist.passenger_count", 1); // clean precision-names
        activity?.SetTag("language_assist.mobile_sha", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.Mobile)))); // leak TC1002 hashes
        activity?.SetTag("language_assist.mobile_hmac", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(request.Mobile)))[..12]); // clean hashes
        Baggage.SetBaggage("passenger.mobile", request.Mobile); // leak TC1001 direct
        Baggage.SetBaggage("station", request.Station); // clean precision-names

        var callback = "Call back " + request.PassengerName + " on " + request.Mobile;
        activity?.SetTag("language_assist.callback", callback); // leak TC1001 strings
        activity?.AddEvent(new ActivityEvent("assist.requested", tags: new ActivityTagsCollection { ["station"] = request.Station, ["language"] = request.Language })); // clean precision-names
        activity?.AddEvent(new ActivityEvent("assist.requested", tags: new ActivityTagsCollection { ["passenger"] = request.PassengerName })); // leak TC1001 direct

        Assists.Add(1, new TagList { { "station", request.Station }, { "language", request.Language } }); // clean precision-names
        Assists.Add(1, new TagList { { "mobile", request.Mobile } }); // leak TC1003 direct
        Operations.Add(1, request.Station, "requested"); // clean generated-api
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, request.Station); // clean generated-api

        logger.LogInformation("Language assistance at {Station} in {Language}", request.Station, request.Language); // clean precision-names
        logger.LogInformation("Language assistance {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Language assistance {Request}", request with { PassengerName = "", Mobile = "" }); // clean logging-objects
        logger.LogInformation("Language assistance {Request}", request with { Mobile = request.Mobile[..3] + "*******" }); // leak TC1001 logging-objects
        LogPassenger(logger, request.RequestId, request.PassengerName); // clean logging-objects
        return new OkResult(request.RequestId);
    }

    internal static async Task<ActionResult> BookForDefendantAsync(DefendantInterpreterBooking booking, IInterpretingAgency agency, Pseudonymizer pseudonymizer, ILogger<DefendantInterpreterBooking> logger)
    {
        using var span = Source.StartRailvoiceOperation(booking.Court);
        span.SetRailvoiceLanguage(booking.Language); // clean precision-names
        span.SetRailvoiceMode("face-to-face"); // clean precision-names
        span.SetRailvoiceNote($"Case {booking.CaseUrn} at {booking.Court}"); // clean generated-api
        span.SetRailvoiceNote($"Defendant {booking.DefendantName}, born {booking.DateOfBirth:yyyy-MM-dd}"); // leak TC1001 generated-api

        var activity = span.Activity;
        activity?.SetTag("prosecutions.case_urn", booking.CaseUrn); // clean precision-names
        activity?.SetTag("prosecutions.court", booking.Court); // clean precision-names
        activity?.SetTag("prosecutions.defendant", booking.DefendantName); // leak TC1001 direct
        activity?.SetTag("prosecutions.defendant_dob", booking.DateOfBirth.ToString("O", CultureInfo.InvariantCulture)); // leak TC1001 direct
        activity?.SetTag("prosecutions.defendant_age", DateTime.UtcNow.Year - booking.DateOfBirth.Year); // clean precision-about
        activity?.SetTag("prosecutions.hearing_day", booking.HearingAt.DayOfWeek.ToString()); // clean precision-about
        activity?.SetTag("prosecutions.defendant_ref", pseudonymizer.ComputeRailvoiceClientId(booking.CaseUrn + booking.DefendantName)); // clean precision-pseudonym
        _lastDefendant = booking.DefendantName;

        CourtBookings.Add(1, new KeyValuePair<string, object?>("court", booking.Court), new KeyValuePair<string, object?>("language", booking.Language)); // clean precision-names
        CourtBookings.Add(1, new KeyValuePair<string, object?>("defendant", booking.DefendantName)); // leak TC1003 direct
        logger.LogInformation("Interpreter booking for case {CaseUrn} at {Court}", booking.CaseUrn, booking.Court); // clean precision-names
        logger.LogInformation("Interpreter booking {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Interpreter booking for {Defendant}", booking.DefendantName); // leak TC1001 direct

        try
        {
            var match = await agency.FindInterpreterAsync(new InterpreterBooking(booking.CaseUrn, booking.CaseUrn, booking.DefendantName, booking.Language, "", "face-to-face", booking.Court, booking.HearingAt, 180, null));
            activity?.SetTag("prosecutions.match", match.Outcome); // clean precision-about
            logger.LogInformation("Match {Match}", match); // clean logging-objects
        }
        catch (NoInterpreterAvailableException ex)
        {
            logger.LogWarning(ex, "No interpreter for case {CaseUrn}", booking.CaseUrn); // clean exceptions
            span.SetRailvoiceNote(ex.Message); // clean generated-api
            activity?.AddException(ex); // clean exceptions
        }
        catch (InterpreterDeclinedException ex)
        {
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("exception.type", nameof(InterpreterDeclinedException)); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
        }

        return new OkResult(booking.CaseUrn);
    }

    internal static void TraceLastDefendant()
    {
        using var activity = Source.StartActivity("prosecutions.last");
        activity?.SetTag("prosecutions.last_defendant", _lastDefendant); // leak TC1001 cross-member
        activity?.SetTag("prosecutions.last_defendant_known", _lastDefendant is not null); // clean cross-member
    }

    [LoggerMessage(EventId = 9901, Level = LogLevel.Information, Message = "Assistance {RequestId} for {PassengerName}")]
    private static partial void LogPassenger(ILogger logger, string requestId, [PrivateData] string passengerName);
}
