namespace PrivacyHoldout174.Gaming;

/// <summary>The studio's community team takes consoles to care homes for play sessions; a minimal API records them.</summary>
public static class CareHomeSessionsEndpoint
{
    private static readonly ActivitySource Source = new("Studio.CareHomeSessions");
    private static readonly Meter Meter = new("Studio.CareHomeSessions");
    private static readonly Histogram<int> Residents = Meter.CreateHistogram<int>("care_home.session.residents");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/care-home-sessions", (CareHomeSession session, ILogger<CareHomeSession> logger) => Record(session, logger));

    private static ActionResult Record(CareHomeSession session, ILogger logger)
    {
        using var activity = Source.StartActivity("care_home.session");
        activity?.SetTag("care_home.id", session.CareHomeId); // clean precision-about
        activity?.SetTag("care_home.session_id", session.SessionId); // clean precision-about
        activity?.SetTag("care_home.consoles", session.Consoles); // clean precision-about
        logger.LogInformation("Session recorded {Session}", session); // clean logging-objects
        logger.LogInformation("Residents who played: {Residents}", string.Join(", ", session.ResidentNames)); // leak TC1001 strings
        activity?.SetTag("care_home.first_resident", session.ResidentNames.FirstOrDefault()); // leak TC1001 direct
        Residents.Record(session.ResidentNames.Count, new KeyValuePair<string, object?>("care_home", session.CareHomeId)); // clean precision-about

        foreach (var name in session.ResidentNames)
        {
            activity?.AddEvent(new ActivityEvent("resident.played", tags: new ActivityTagsCollection { ["resident"] = name })); // leak TC1001 direct
        }
        activity?.SetTag("care_home.resident_count", session.ResidentNames.Count); // clean precision-about
        return new OkResult(session.SessionId);
    }

    public static void Feedback(string sessionId, string residentName, string comment, ILogger logger, Pseudonymizer pseudonymizer)
    {
        using var activity = Source.StartActivity("care_home.feedback");
        activity?.SetTag("care_home.session_id", sessionId); // clean precision-about
        activity?.SetTag("care_home.comment_words", comment.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        activity?.SetTag("care_home.comment", comment); // leak TC1001 direct
        logger.LogInformation("Feedback from {Resident}", pseudonymizer.PseudonymizeCarermodeClientId(residentName)); // clean precision-pseudonym
        logger.LogInformation("Feedback from {Resident}: {Comment}", residentName, comment); // leak TC1001 direct
        Baggage.SetBaggage("care_home.session", sessionId); // clean precision-about
        Baggage.SetBaggage("care_home.resident", residentName); // leak TC1001 direct
        Residents.Record(1, new KeyValuePair<string, object?>("resident", pseudonymizer.PseudonymizeCarermodeClientId(residentName).Value)); // leak TC1003 precision-pseudonym
        var tally = new StringBuilder();
        tally.AppendFormat(CultureInfo.InvariantCulture, "session {0}: {1} words", sessionId, comment.Length);
        logger.LogDebug("{Tally}", tally.ToString()); // clean strings
    }
}
