namespace PrivacyHoldout211.Transport;

public sealed record OnboardLogin(string PassengerEmail, string BookingReference, string SeatNumber, string ServiceId, string DeviceMac);

public sealed record OnboardSession(string SessionId, string ServiceId, string Coach, int Streams);

public sealed record TravelStoryMessage(string MessageId, string PassengerName, string PassengerMobile, string Story, string RouteId, int Seconds);

public static partial class OnboardStreamingEndpoints
{
    private static readonly ActivitySource Source = new("Rail.OnboardStreaming");
    private static readonly Meter OnboardMeter = new("Rail.OnboardStreaming");
    private static readonly Counter<long> Streams = OnboardMeter.CreateCounter<long>("onboard.streams");
    private static readonly Histogram<double> Bitrate = OnboardMeter.CreateHistogram<double>("onboard.bitrate", "kbit/s");
    private static string? _lastMobile;

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/onboard/login", Login);
        routes.MapPost("/podcast/stories", Story);
        routes.MapGet("/onboard/sessions/{sessionId}", Session);
    }

    public static ActionResult Login(OnboardLogin login, ILogger<OnboardSession> logger, Pseudonymizer pseudonymizer, Meter meter)
    {
        using var span = Source.StartRailradioOperation(login.ServiceId);
        span.SetRailradioListenerId(pseudonymizer.PseudonymizeRailradioListenerId(login.PassengerEmail)); // clean generated-api
        span.SetRailradioFormat("music"); // clean generated-api
        span.SetRailradioNote($"seat {login.SeatNumber} booking {login.BookingReference}"); // clean generated-api
        span.SetRailradioNote(login.DeviceMac); // leak TC1001 generated-api
        Activity.Current?.SetTag("onboard.service", login.ServiceId); // clean precision-names
        Activity.Current?.SetTag("onboard.seat", login.SeatNumber); // clean precision-names
        Activity.Current?.SetTag("onboard.booking_reference", login.BookingReference); // clean precision-names
        Activity.Current?.SetTag("onboard.passenger_email", login.PassengerEmail); // leak TC1001 direct
        Activity.Current?.SetTag("onboard.device_mac", login.DeviceMac); // leak TC1001 direct
        Activity.Current?.SetTag("onboard.email_domain", login.PassengerEmail.Substring(login.PassengerEmail.IndexOf('@') + 1)); // clean precision-about
        Activity.Current?.SetTag("onboard.device_hash", login.DeviceMac.GetHashCode().ToString("x8")); // leak TC1002 hashes
        Streams.Add(1, new KeyValuePair<string, object?>("service", login.ServiceId)); // clean precision-names
        Streams.Add(1, new KeyValuePair<string, object?>("passenger", pseudonymizer.PseudonymizeRailradioListenerId(login.PassengerEmail))); // leak TC1003 precision-pseudonym
        Bitrate.Record(1200, new KeyValuePair<string, object?>("service", login.ServiceId)); // clean precision-names
        meter.CreateRailradioOperationDurationHistogram().Record(0.2, login.ServiceId); // clean generated-api
        logger.LogInformation("Login {@Login}", login); // leak TC1001 logging-objects
        logger.LogInformation("Login {@Login}", login with { PassengerEmail = "", DeviceMac = "" }); // clean logging-objects
        logger.LogInformation("Login on {ServiceId} seat {Seat}", login.ServiceId, login.SeatNumber); // clean precision-names
        logger.LogInformation("Login {Passenger}", pseudonymizer.PseudonymizeRailradioListenerId(login.PassengerEmail)); // clean precision-pseudonym
        var tags = new TagList { { "service", login.ServiceId }, { "email", login.PassengerEmail } };
        Streams.Add(1, tags); // leak TC1003 direct
        LogLogin(logger, login.PassengerEmail, login.ServiceId); // clean logging-objects
        return new OkResult(null);
    }

    public static async Task<ActionResult> Story(TravelStoryMessage story, ILogger<TravelStoryMessage> logger, Pseudonymizer pseudonymizer, StreamingOptions options)
    {
        _lastMobile = story.PassengerMobile;
        var activity = Activity.Current;
        activity?.SetTag("story.id", story.MessageId); // clean precision-names
        activity?.SetTag("story.route", story.RouteId); // clean precision-names
        activity?.SetTag("story.seconds", story.Seconds); // clean precision-about
        activity?.SetTag("story.teller", story.PassengerName); // leak TC1001 direct
        activity?.SetTag("story.excerpt", story.Story[..Math.Min(40, story.Story.Length)]); // leak TC1001 direct
        activity?.SetTag("story.mobile_ref", pseudonymizer.ComputeRailradioListenerId(story.PassengerMobile)); // clean precision-pseudonym
        activity?.SetTag("story.mobile_bucket", Convert.ToHexString(HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(story.PassengerMobile)))[..6]); // clean hashes
        activity?.SetTag("story.text_hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(story.Story)))); // leak TC1002 hashes
        activity?.AddEvent(new ActivityEvent("story.received", tags: new ActivityTagsCollection { ["route"] = story.RouteId })); // clean precision-names
        logger.LogRailradioOperationFailedEvent(story.RouteId, "rejected", railradioNote: "story too long"); // clean generated-api
        logger.LogRailradioOperationFailedEvent(story.RouteId, "rejected", railradioNote: story.PassengerName + " sent a story over the limit"); // leak TC1001 generated-api
        logger.LogInformation("Story {Story}", story); // leak TC1001 logging-objects
        logger.LogInformation("Story {Id} of {Seconds}s on {RouteId}", story.MessageId, story.Seconds, story.RouteId); // clean precision-about
        using (logger.BeginScope("Story {MessageId}", story.MessageId)) // clean logging-objects
        {
            logger.LogDebug("Story queued for the travel podcast");
        }

        using (logger.BeginScope("Caller {Mobile}", story.PassengerMobile)) // leak TC1001 logging-objects
        {
            logger.LogDebug("Story caller recorded");
        }

        await Task.Yield();
        return new OkResult(story.MessageId);
    }

    public static ActionResult Session(string sessionId, ILogger<OnboardSession> logger)
    {
        var session = new OnboardSession(sessionId, "1A23", "C", 2);
        Activity.Current?.SetTag("session.id", sessionId); // clean precision-names
        Activity.Current?.SetTag("session.coach", session.Coach); // clean precision-names
        Activity.Current?.SetTag("session.last_caller", _lastMobile); // leak TC1001 cross-member
        logger.LogInformation("Session {@Session}", session); // clean logging-objects
        logger.LogInformation("Session {Session}", session with { Streams = 3 }); // clean logging-objects
        var summary = string.Join(" | ", session.ServiceId, session.Coach, session.Streams);
        logger.LogInformation("Session summary {Summary}", summary); // clean strings
        try
        {
            throw new CatalogUnavailableException("gb-rail", 503);
        }
        catch (CatalogUnavailableException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "Catalogue down for {SessionId}", sessionId); // clean exceptions
        }

        try
        {
            throw new GuestConsentMissingException(_lastMobile ?? "unknown");
        }
        catch (GuestConsentMissingException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        }

        return new OkResult(session);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Passenger {PassengerEmail} logged in on {ServiceId}")]
    private static partial void LogLogin(ILogger logger, [PrivateData] string passengerEmail, string serviceId);
}
