namespace PrivacyHoldout105.Transport;

public sealed record SavedPlace(string Label, double Lat, double Lon);

/// <summary>A journey search from the planner. Prints its members.</summary>
public sealed record JourneySearch(string RiderId, string? CardNumber, string FromText, string? FromStopId, string ToStopId, DateTimeOffset At, string AnonymousId);

/// <summary>
/// The journey planner's clickstream: searches (typed "from" text or a stop, a destination stop), the rider's saved
/// home place, and planner sessions. Riders sign in with their account id and may add their travel card.
/// </summary>
public sealed class JourneyPlannerClickstream(
    Pseudonymizer pseudonymizer,
    AnalyticsOptions options,
    Meter meter,
    ILogger<JourneyPlannerClickstream> logger)
{
    private readonly Sessionizer _sessions = new(options.SessionIdleTimeout);
    private readonly Counter<int> _searches = meter.CreateCounter<int>("planner.searches", "{search}");

    public void OnSearch(JourneySearch search, SavedPlace? home)
    {
        var activity = Activity.Current;
        var span = activity.EnrichRideclickCollect("journey_search").SetRideclickRiderId(pseudonymizer.PseudonymizeRideclickRiderId(search.RiderId)); // clean precision-pseudonym
        activity?.SetTag("planner.to.stop", search.ToStopId); // clean precision-names
        activity?.SetTag("planner.from.text", search.FromText); // leak TC1001 strings
        activity?.SetTag("planner.from.length", search.FromText.Length); // clean precision-about
        logger.LogInformation("Journey search {Search}", search); // leak TC1001 logging-objects
        if (search.CardNumber is { } card)
        {
            logger.LogDebug("Search with card {Card}", card); // leak TC1001 direct
            logger.LogDebug("Search with card ending {Last4}", card[^4..]); // clean precision-about
        }
        if (home is not null)
        {
            activity?.SetTag("planner.home", $"{home.Lat},{home.Lon}"); // leak TC1001 strings
            activity?.SetTag("planner.home.grid", $"{Math.Round(home.Lat, 1)},{Math.Round(home.Lon, 1)}"); // clean precision-about
        }

        var assignment = _sessions.Assign(new PageView(Guid.NewGuid(), search.AnonymousId, search.RiderId, "/plan", null, search.At));
        span.SetRideclickSessionId(assignment.Session.SessionId); // clean generated-api
        logger.LogDebug("Planner session {SessionId}: {Views} views", assignment.Session.SessionId, assignment.Session.PageViews); // clean precision-names
        logger.LogDebug("Planner session for visitor {Visitor}", assignment.Session.VisitorId); // leak TC1001 cross-member
        _searches.Add(1, new KeyValuePair<string, object?>("to.stop", search.ToStopId)); // clean precision-names
        _searches.Add(1, new KeyValuePair<string, object?>("rider", pseudonymizer.ComputeRideclickRiderId(search.RiderId))); // leak TC1003 precision-pseudonym
        meter.CreateRideclickEventsCounter().Add(1, "journey_search", rideclickOutcome: search.FromStopId is null ? "typed" : "stop"); // clean generated-api
    }
}
