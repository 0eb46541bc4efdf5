namespace PrivacyHoldout152.Education;

/// <summary>Minimal API for key persons writing observations in children's learning journals on the room tablets.</summary>
public static class LearningJournalEndpoints
{
    private static readonly ActivitySource Source = new("EarlyYears.Journal");
    private static readonly Meter Meter = new("EarlyYears.Journal");
    private static readonly Counter<long> Observations = Meter.CreateCounter<long>("journal.observations");
    private static readonly Histogram<int> ObservationLength = Meter.CreateHistogram<int>("journal.observation.length", "{character}");

    public static EndpointRoutes MapLearningJournal(this EndpointRoutes routes)
    {
        routes.MapPost("/journal/{childId}/observations", SaveObservationAsync);
        routes.MapGet("/journal/{childId}/next-steps/{area}", NextStepsAsync);
        return routes;
    }

    private static async Task<ActionResult> SaveObservationAsync(
        string childId, Observation observation, HttpContextInfo http, IJournalStore store, Pseudonymizer pseudonymizer, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("LearningJournal");
        using var activity = Source.StartActivity("journal.observation.save");
        activity?.SetTag("journal.area", observation.Area);
        activity?.SetTag("journal.photo_count", observation.PhotoCount);
        activity?.SetTag("journal.child", childId); // leak TC1001 direct
        activity?.SetTag("journal.child", pseudonymizer.Pseudonymize("child", childId).Value); // clean precision-pseudonym
        activity?.SetTag("journal.key_person", pseudonymizer.ComputeNurserycareStaffId(observation.KeyPersonId)); // clean precision-pseudonym
        activity?.SetTag("journal.author_email", http.User.Email); // leak TC1001 direct
        activity?.SetTag("journal.author_signed_in", http.User.IsAuthenticated); // clean precision-about
        activity?.SetTag("http.request_id", http.TraceIdentifier); // clean precision-names

        var existing = await store.FindAsync(observation.ObservationId, cancellationToken);
        if (existing is not null && existing.KeyPersonId != observation.KeyPersonId)
        {
            var locked = new ObservationLockedException(observation.ObservationId);
            logger.LogWarning(locked, "Observation locked"); // clean exceptions
            return new BadRequestResult(locked.Message);
        }

        await store.SaveAsync(observation, cancellationToken);
        logger.LogInformation("Observation saved: {Observation}", observation); // leak TC1001 logging-objects
        logger.LogInformation("Observation {ObservationId} saved, {Length} characters", observation.ObservationId, observation.Text.Length); // clean precision-about
        ObservationLength.Record(observation.Text.Length, new KeyValuePair<string, object?>("area", observation.Area)); // clean precision-about
        Observations.Add(1, new KeyValuePair<string, object?>("key_person", observation.KeyPersonId)); // leak TC1003 direct
        Observations.Add(1, new KeyValuePair<string, object?>("photos", observation.PhotoCount > 0)); // clean precision-about
        return new OkResult(observation.ObservationId);
    }

    private static async Task<ActionResult> NextStepsAsync(string childId, string area, IJournalStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("LearningJournal");
        var steps = await store.NextStepsAsync(childId, area, cancellationToken);
        logger.LogInformation("Next steps in {Area}: {Steps}", area, steps); // clean logging-objects
        logger.LogDebug("Answered {Route} with {Count} steps", "/journal/{childId}/next-steps/{area}", steps.Count); // clean precision-names
        Activity.Current?.SetTag("journal.next_steps.child_route", $"/journal/{childId}/next-steps/{area}"); // leak TC1001 strings
        return new OkResult(steps);
    }
}
