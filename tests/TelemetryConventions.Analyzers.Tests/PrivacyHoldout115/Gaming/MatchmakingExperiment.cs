using LaunchDarkly.Sdk;
using LaunchDarkly.Sdk.Server;

namespace PrivacyHoldout115.Gaming;

public sealed record PlayerSession(Guid PlayerId, string Gamertag, string Platform, string Country, int SkillRating, string SessionId);

/// <summary>
/// Evaluates the matchmaking experiment (skill window widening) with LaunchDarkly for the player
/// joining the queue, and reports the assignment on the matchmaking trace.
/// </summary>
public sealed class MatchmakingExperiment(ILdClient ld, Pseudonymizer pseudonymizer, ILogger<MatchmakingExperiment> logger)
{
    private static readonly ActivitySource Source = new("Studio.Matchmaking.Flags");
    private static readonly Meter Meter = new("Studio.Matchmaking.Flags");
    private static readonly Histogram<int> SkillWindow = Meter.CreateHistogram<int>("matchmaking.skill_window");

    public int SkillWindowFor(PlayerSession session)
    {
        var context = Context.Builder(session.PlayerId.ToString())
            .Kind("player")
            .Name(session.Gamertag)
            .Set("platform", session.Platform)
            .Set("country", session.Country)
            .Build();

        using var span = Source.StartGameflagEvaluate("mm-skill-window");
        var detail = ld.StringVariationDetail("mm-skill-window", context, "narrow");
        span.SetGameflagVariant(detail.Value).SetGameflagReason(detail.Reason.Kind.ToString()); // clean generated-api
        span.SetGameflagRuleId(detail.Reason.RuleId ?? "fallthrough"); // clean precision-names
        span.SetGameflagSubjectId(pseudonymizer.PseudonymizeGameflagSubjectId(session.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("ld.in_experiment", detail.Reason.InExperiment); // clean precision-about
        Activity.Current?.SetTag("ld.variation_index", detail.VariationIndex); // clean precision-about
        Activity.Current?.SetTag("ld.context.kind", context.Kind); // clean precision-names
        Activity.Current?.SetTag("ld.context.key", context.FullyQualifiedKey); // leak TC1001 direct
        Activity.Current?.SetTag("matchmaking.session", session.SessionId); // clean direct

        logger.LogDebug("mm-skill-window for {Context}: {Detail}", context, detail); // leak TC1001 logging-objects
        logger.LogDebug("mm-skill-window detail {Detail}", detail); // clean logging-objects
        if (detail.Reason.InExperiment)
        {
            ld.Track("mm-queue-joined", context);
            Activity.Current?.AddGameflagExposureEvent("exp-mm-skill-window", detail.Value, gameflagNote: session.Gamertag + " in " + session.Platform); // leak TC1001 generated-api
            logger.LogGameflagExposureEvent("exp-mm-skill-window", detail.Value, pseudonymizer.PseudonymizeGameflagSubjectId(session.PlayerId.ToString())); // clean precision-pseudonym
        }

        var window = detail.Value == "wide" ? 400 : 150;
        SkillWindow.Record(window, new KeyValuePair<string, object?>("variant", detail.Value), new KeyValuePair<string, object?>("platform", session.Platform)); // clean precision-names
        SkillWindow.Record(window, new KeyValuePair<string, object?>("player", session.PlayerId)); // leak TC1003 direct
        return window;
    }
}
