using Unleash;

namespace PrivacyHoldout115.Education;

public sealed record Learner(string StudentNumber, string PreferredName, string YearGroup, string SchoolCode, string? GuardianEmail);

/// <summary>
/// Checks the learning platform's Unleash toggles (the adaptive quiz, the reading coach) for a learner,
/// with a flexible rollout sticky on the student number, and mirrors impressions onto the trace.
/// </summary>
public sealed class LearningPlatformFlags
{
    private static readonly ActivitySource Source = new("Academy.Learning.Flags");
    private static readonly Meter Meter = new("Academy.Learning.Flags");

    private readonly IUnleash _unleash;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<LearningPlatformFlags> _logger;
    private readonly LearnflagEvaluationsCounter _evaluations;
    private string? _lastStudentNumber;

    public LearningPlatformFlags(IUnleash unleash, Pseudonymizer pseudonymizer, ILogger<LearningPlatformFlags> logger)
    {
        _unleash = unleash;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        _evaluations = Meter.CreateLearnflagEvaluationsCounter();
        _unleash.ImpressionEvent += OnImpression;
    }

    public bool AdaptiveQuizEnabled(Learner learner, string sessionId)
    {
        var context = new UnleashContext
        {
            UserId = learner.StudentNumber,
            SessionId = sessionId,
            AppName = "learning-platform",
            Properties = { ["yearGroup"] = learner.YearGroup, ["school"] = learner.SchoolCode },
        };
        _lastStudentNumber = learner.StudentNumber;

        using var span = Source.StartLearnflagEvaluate("adaptive-quiz");
        var enabled = _unleash.IsEnabled("adaptive-quiz", context);
        span.SetLearnflagVariant(enabled ? "on" : "off").SetLearnflagSegment(learner.YearGroup); // clean generated-api
        span.SetLearnflagSubjectId(_pseudonymizer.PseudonymizeLearnflagSubjectId(learner.StudentNumber)); // clean precision-pseudonym
        _evaluations.Add(1, "adaptive-quiz", enabled ? "on" : "off", "flexibleRollout"); // clean generated-api

        var toggle = _unleash.Toggles.FirstOrDefault(t => t.Name == "adaptive-quiz");
        var rollout = toggle?.Strategies.FirstOrDefault(s => s.Name == "flexibleRollout");
        if (rollout is not null)
        {
            Activity.Current?.SetTag("unleash.rollout.stickiness", rollout.Parameters["stickiness"]); // clean precision-names
            Activity.Current?.SetTag("unleash.rollout.percentage", rollout.Parameters["rollout"]); // clean precision-about
            var normalized = StrategyUtils.GetNormalizedNumber(learner.StudentNumber, rollout.Parameters["groupId"]);
            Activity.Current?.SetTag("unleash.rollout.bucket", normalized); // leak TC1002 hashes
        }
        _logger.LogDebug("adaptive-quiz for session {SessionId}: {Enabled}", context.SessionId, enabled); // clean direct
        _logger.LogDebug("adaptive-quiz context {Context}", context); // clean logging-objects
        return enabled;
    }

    public string ReadingCoachVariant(Learner learner)
    {
        var context = new UnleashContext { UserId = learner.StudentNumber, Properties = { ["school"] = learner.SchoolCode } };
        var variant = _unleash.GetVariant("reading-coach", context);
        _logger.LogInformation("Reading coach variant {Variant} (enabled {Enabled})", variant.Name, variant.IsEnabled); // clean precision-about
        _logger.LogInformation("Reading coach payload {Payload} for {Learner}", variant.Payload?.Value, learner.PreferredName); // leak TC1001 direct
        return variant.Name;
    }

    private void OnImpression(ImpressionEvent impression)
    {
        Activity.Current?.AddEvent(new ActivityEvent("unleash.impression", tags: new ActivityTagsCollection
        {
            ["feature"] = impression.FeatureName,
            ["enabled"] = impression.Enabled,
            ["user"] = impression.Context.UserId, // leak TC1001 direct
        }));
        _logger.LogDebug("Impression {Impression}", impression); // clean logging-objects
        _logger.LogDebug("Impression for the last learner checked, {Student}", _lastStudentNumber); // leak TC1001 cross-member
    }
}
