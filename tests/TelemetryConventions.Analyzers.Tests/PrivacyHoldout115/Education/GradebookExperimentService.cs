using GrowthBook;

namespace PrivacyHoldout115.Education;

/// <summary>
/// Runs the gradebook's feedback-layout experiment (comment bank first or rubric first) with the
/// GrowthBook SDK for each teacher, and records exposures for the analysis.
/// </summary>
public sealed class GradebookExperimentService(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<GradebookExperimentService> logger)
{
    private static readonly ActivitySource Source = new("Academy.Gradebook.Experiments");
    private static readonly Meter Meter = new("Academy.Gradebook.Experiments");
    private static readonly Counter<long> Exposures = Meter.CreateCounter<long>("gradebook.experiment.exposures");

    private static readonly Experiment FeedbackLayout = new()
    {
        Key = "feedback-layout",
        Variations = ["comment-bank", "rubric-first"],
        HashAttribute = "teacherId",
        Seed = "fb-layout-2025",
    };

    public string LayoutFor(string teacherId, string teacherEmail, string department)
    {
        var gb = new GrowthBook.GrowthBook
        {
            Attributes = { ["teacherId"] = teacherId, ["department"] = department, ["email"] = teacherEmail },
            TrackingCallback = (experiment, result) => TrackExposure(experiment, result, teacherId),
        };

        using var span = Source.StartLearnflagEvaluate(FeedbackLayout.Key).SetLearnflagExperimentId(FeedbackLayout.Key); // clean generated-api
        var result = gb.Run(FeedbackLayout);
        span.SetLearnflagVariant(result.Value).SetLearnflagBucket(result.VariationId); // clean generated-api
        Activity.Current?.SetTag("gb.hash_attribute", result.HashAttribute); // clean precision-names
        Activity.Current?.SetTag("gb.in_experiment", result.InExperiment); // clean precision-about
        Activity.Current?.SetTag("gb.hash_value", result.HashValue); // leak TC1001 cross-member
        Activity.Current?.SetTag("gb.bucket", result.Bucket); // leak TC1002 hashes
        Activity.Current?.SetTag("gb.department", department); // clean precision-names
        logger.LogDebug("feedback-layout result {Result}", result); // leak TC1001 logging-objects
        return result.Value;
    }

    private void TrackExposure(Experiment experiment, ExperimentResult result, string teacherId)
    {
        Activity.Current?.AddLearnflagExposureEvent(experiment.Key, result.Value, pseudonymizer.PseudonymizeLearnflagOperatorId(teacherId)); // clean precision-pseudonym
        logger.LogLearnflagExposureEvent(experiment.Key, result.Value, learnflagNote: $"teacher {teacherId} saw {result.Value}"); // leak TC1001 generated-api
        Exposures.Add(1, new KeyValuePair<string, object?>("experiment", experiment.Key), new KeyValuePair<string, object?>("variation", result.VariationId)); // clean precision-names
        Exposures.Add(1, new KeyValuePair<string, object?>("shard", KeyedBucket.Of(secrets.ShardKey, teacherId, 16))); // clean hashes
        Exposures.Add(1, new KeyValuePair<string, object?>("teacher", pseudonymizer.PseudonymizeLearnflagOperatorId(teacherId).ToString())); // leak TC1003 precision-pseudonym
    }
}
