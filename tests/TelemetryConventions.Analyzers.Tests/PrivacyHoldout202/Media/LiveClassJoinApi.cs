namespace PrivacyHoldout202.Media;

public sealed record LiveJoin(string ClassId, string SubscriberId, string DisplayName, string Device, int HeartRate);

/// <summary>The minimal API a subscriber's app calls to join a live-streamed class.</summary>
public static class LiveClassJoinApi
{
    private static readonly ActivitySource Source = new("studiolive.live");
    private static readonly Histogram<int> HeartRates = new Meter("studiolive.live").CreateHistogram<int>("studiolive.heart_rate");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/live/{classId}/join", Join);

    private static ActionResult Join(LiveJoin join, HttpContextInfo http, Pseudonymizer pseudonymizer, ILogger<LiveJoin> logger)
    {
        using var span = Source.StartStudioliveOperation("live");
        span.SetStudioliveMemberId(pseudonymizer.PseudonymizeStudioliveMemberId(join.SubscriberId)); // clean precision-pseudonym
        Activity.Current?.SetTag("live.class_id", join.ClassId); // clean precision-names
        Activity.Current?.SetTag("live.device", join.Device); // clean precision-about
        Activity.Current?.SetTag("live.display_name", join.DisplayName); // leak TC1001 direct
        Activity.Current?.SetTag("http.request_id", http.TraceIdentifier); // clean precision-names
        Activity.Current?.SetTag("user.subject", http.User.SubjectId); // leak TC1001 direct
        Activity.Current?.SetTag("user.authenticated", http.User.IsAuthenticated); // clean precision-about
        HeartRates.Record(join.HeartRate, new KeyValuePair<string, object?>("class", join.ClassId)); // clean precision-about
        HeartRates.Record(join.HeartRate, new KeyValuePair<string, object?>("subscriber", join.SubscriberId)); // leak TC1003 direct
        logger.LogInformation("Join {Join}", join); // leak TC1001 logging-objects
        logger.LogInformation("Join {@Join}", join with { DisplayName = "", SubscriberId = pseudonymizer.ComputeStudioliveMemberId(join.SubscriberId) }); // clean logging-objects
        logger.LogInformation("Joined {ClassId} from {Device} at {HeartRate} bpm", join.ClassId, join.Device, join.HeartRate); // clean precision-names
        Baggage.SetBaggage("live.display_name", join.DisplayName); // leak TC1001 direct
        Baggage.SetBaggage("live.class", join.ClassId); // clean precision-names
        var leaderboard = $"{join.DisplayName} joined {join.ClassId}";
        Activity.Current?.AddEvent(new ActivityEvent(leaderboard)); // leak TC1001 strings
        return new OkResult(join.ClassId);
    }
}
