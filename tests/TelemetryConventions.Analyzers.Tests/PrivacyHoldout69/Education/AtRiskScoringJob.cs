namespace PrivacyHoldout69.Education;

public sealed record Learner(string StudentNumber, string PreferredName, string CourseCode, int YearGroup, string? GuardianEmail);

/// <summary>
/// The nightly at-risk run: engagement features for every enrolled learner from the feature store,
/// one batch call to the at-risk model, the learners over the threshold flagged to their tutor with
/// the three features that weighed most.
/// </summary>
public sealed class AtRiskScoringJob(
    IOnlineFeatureStore features,
    IScoringClient scoring,
    Pseudonymizer pseudonymizer,
    ILogger<AtRiskScoringJob> logger)
{
    private const string ModelVersion = "atrisk-v7";
    private const double FlagThreshold = 0.7;
    private static readonly ActivitySource Source = new("College.Analytics.AtRisk");
    private static readonly Meter Meter = new("College.Analytics.AtRisk");
    private readonly LearnriskScoredCounter _scored = Meter.CreateLearnriskScoredCounter();
    private static readonly Counter<long> TutorAlerts = Meter.CreateCounter<long>("learnrisk.tutor_alerts");

    public async Task RunAsync(IReadOnlyList<Learner> learners, CancellationToken ct)
    {
        using var run = Source.StartLearnriskScore(ModelVersion, spanName: "learnrisk.nightly");
        logger.LogInformation("At-risk run: {Learners} learners, threshold {Threshold}, model {Model}", learners.Count, FlagThreshold, ModelVersion); // clean precision-about

        var rows = await features.GetOnlineFeaturesAsync("engagement_v5", learners.Select(l => l.StudentNumber).ToList(), ct);
        var sparse = rows.Where(r => r.MissingCount > 3).ToList();
        run.Activity?.SetTag("learnrisk.sparse_rows", sparse.Count);
        logger.LogWarning("Sparse engagement rows for {StudentNumbers}", sparse.Select(r => r.EntityKey).ToList()); // leak TC1001 logging-objects

        var flaggedNumbers = new List<string>();
        var requests = rows.Select(r => new ScoringRequest("atrisk", r.Values.ToDictionary(v => v.Key, v => (object?)v.Value)) { Explain = true }).ToList();
        var responses = await scoring.ScoreBatchAsync(requests, ct);

        foreach (var (learner, response) in learners.Zip(responses))
        {
            var flagged = response.Score >= FlagThreshold;
            var outcome = flagged ? "flagged" : "below_threshold";
            _scored.Add(1, "control", outcome); // clean generated-api
            if (!flagged)
            {
                continue;
            }

            flaggedNumbers.Add(learner.StudentNumber);
            var drivers = response.TopFeatures.OrderByDescending(f => f.Contribution).Take(3).Select(f => f.Feature).ToArray();
            var tutorText = $"{learner.PreferredName} ({learner.CourseCode}) flagged at {response.Score:P0}: {string.Join(", ", drivers)}";
            logger.LogLearnriskFlaggedEvent(ModelVersion, outcome, pseudonymizer.PseudonymizeLearnriskStudentId(learner.StudentNumber), $"drivers: {string.Join(", ", drivers)}"); // clean generated-api
            logger.LogInformation("Tutor alert: {AlertText}", tutorText); // leak TC1001 strings
            TutorAlerts.Add(1, new KeyValuePair<string, object?>("course", learner.CourseCode), new KeyValuePair<string, object?>("year_group", learner.YearGroup)); // clean precision-about
            TutorAlerts.Add(0, new KeyValuePair<string, object?>("student", learner.StudentNumber)); // leak TC1003 direct

            if (learner.GuardianEmail is { } guardian && learner.YearGroup <= 13)
            {
                run.Activity?.AddEvent(new ActivityEvent("learnrisk.guardian_notified", tags: new ActivityTagsCollection { [LearnriskAttributes.GuardianContact] = guardian })); // leak TC1001 generated-api
                run.Activity?.AddEvent(new ActivityEvent("learnrisk.guardian_notified.domain", tags: new ActivityTagsCollection { ["guardian.domain"] = guardian[(guardian.IndexOf('@') + 1)..] })); // clean precision-about
            }
        }

        run.Activity?.SetTag("learnrisk.flagged_students", string.Join(",", flaggedNumbers)); // leak TC1001 strings
        run.Activity?.SetTag("learnrisk.flagged_count", flaggedNumbers.Count); // clean precision-about
    }

    public async Task RescoreOneAsync(Learner learner, CancellationToken ct)
    {
        using var span = Source.StartLearnriskScore(ModelVersion).SetLearnriskCourse(learner.CourseCode); // clean precision-about
        try
        {
            var row = await features.GetOnlineFeaturesAsync("engagement_v5", learner.StudentNumber, ct);
            span.SetLearnriskStudentId(pseudonymizer.PseudonymizeLearnriskStudentId(learner.StudentNumber)).SetLearnriskOutcome($"rescored:{row.MissingCount}_missing"); // clean generated-api
        }
        catch (FeatureRowMissingException ex)
        {
            logger.LogError(ex, "Rescore failed for a {Course} learner", learner.CourseCode); // leak TC1001 exceptions
            span.SetLearnriskNote($"no engagement row for {learner.PreferredName}"); // leak TC1001 generated-api
        }
    }
}
