namespace PrivacyHoldout158.Education;

/// <summary>Minimal APIs of a trust's pupil wellbeing service: booking counselling sessions and closing them.</summary>
public static class WellbeingSessionsEndpoints
{
    private static readonly Meter WellbeingMeter = new("Helplines.Wellbeing");
    private static readonly Counter<long> Booked = WellbeingMeter.CreateCounter<long>("wellbeing.sessions.booked");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/wellbeing/sessions", BookAsync);
        routes.MapPost("/wellbeing/sessions/{id}/close", Close);
    }

    private static async Task<ActionResult> BookAsync(WellbeingSession session, ICaseStore store, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<WellbeingSession> logger)
    {
        using var span = source.StartWellbeingOperation("oakfield-academy");
        span.SetWellbeingPupilId(pseudonymizer.PseudonymizeWellbeingPupilId(session.StudentNumber)); // clean precision-pseudonym
        span.SetWellbeingCategory("counselling"); // clean generated-api
        Activity.Current?.SetTag("wellbeing.session.id", session.SessionId); // clean precision-names
        Activity.Current?.SetTag("wellbeing.student_number", session.StudentNumber); // leak TC1001 direct
        Activity.Current?.SetTag("wellbeing.pupil.name", session.PupilName); // leak TC1001 direct
        Activity.Current?.SetTag("wellbeing.counsellor.name", session.CounsellorName); // leak TC1001 direct
        Activity.Current?.SetTag("wellbeing.session.hour", session.At.Hour); // clean precision-about

        await store.SaveAsync(session);
        logger.LogInformation("Session booked: {@Session}", session); // leak TC1001 logging-objects
        logger.LogInformation("Session {SessionId} booked for {At:t}", session.SessionId, session.At); // clean precision-names
        Booked.Add(1, new KeyValuePair<string, object?>("pupil", session.StudentNumber)); // leak TC1003 direct
        Booked.Add(1, new KeyValuePair<string, object?>("weekday", session.At.DayOfWeek.ToString())); // clean precision-about
        meter.CreateWellbeingSessionsCounter().Add(1, "oakfield-academy", wellbeingOutcome: "booked"); // clean generated-api
        return new OkResult(session.SessionId);
    }

    private static ActionResult Close(string id, WellbeingSession session, ActivitySource source, Pseudonymizer pseudonymizer, ILogger<WellbeingSession> logger)
    {
        using var span = source.StartWellbeingOperation("oakfield-academy");
        span.SetWellbeingNote(SessionLabel(session)); // leak TC1001 generated-api
        span.SetWellbeingNote($"Session {id} closed after {DateTimeOffset.UtcNow - session.At:hh\\:mm}"); // clean generated-api
        Activity.Current?.SetTag("wellbeing.pupil.pseudonym", pseudonymizer.ComputeWellbeingPupilId(session.StudentNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("wellbeing.pupil.key", Pseudonym.FromComputed(session.StudentNumber).Value); // leak TC1001 precision-pseudonym
        logger.LogInformation("Closed {Label}", SessionLabel(session)); // leak TC1001 strings
        logger.LogInformation("Closed {Label}", SlotLabel(session)); // clean strings
        return new OkResult(id);
    }

    private static string SessionLabel(WellbeingSession session) => $"{session.PupilName} with {session.CounsellorName}";

    private static string SlotLabel(WellbeingSession session) => $"{session.SessionId}@{session.At:yyyy-MM-dd HH:mm}";
}
