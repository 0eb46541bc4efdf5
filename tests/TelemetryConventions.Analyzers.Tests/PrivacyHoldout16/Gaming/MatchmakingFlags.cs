using System;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout16.Support.LaunchDarkly;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Gaming;

public sealed record PlayerProfile(Guid PlayerId, string Gamertag, string Email, string Platform, int SkillTier);

/// <summary>Picks the matchmaking algorithm for a player from a LaunchDarkly-style flag.</summary>
public sealed class MatchmakingFlags(ILdClient flags, ILogger<MatchmakingFlags> logger, Pseudonymizer pseudonymizer)
{
    private const string FlagKey = "matchmaking-algorithm";

    public string AlgorithmFor(PlayerProfile player)
    {
        var context = Context.Builder(player.PlayerId.ToString())
            .Kind("player")
            .Name(player.Gamertag)
            .Set("platform", player.Platform)
            .Set("skill_tier", player.SkillTier.ToString())
            .Build();

        var detail = flags.StringVariationDetail(FlagKey, context, "elo-v2");
        var span = Activity.Current.EnrichExperimentEvaluation(FlagKey);
        span.SetExperimentVariant(detail.Value); // clean precision-about
        span.SetExperimentReason(detail.Reason.Kind.ToString());
        span.SetExperimentSubjectId(pseudonymizer.PseudonymizeExperimentSubjectId(player.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("feature_flag.rule_id", detail.Reason.RuleId);
        Activity.Current?.SetTag("feature_flag.in_experiment", detail.Reason.InExperiment); // clean precision-about

        logger.LogDebug("Evaluated {Flag} for {Context}: {Variation}", FlagKey, context, detail.VariationIndex); // leak TC1001 logging-objects
        Activity.Current?.AddBaggage("player.id", player.PlayerId.ToString()); // leak TC1001 direct
        Baggage.SetBaggage("matchmaking.algorithm", detail.Value); // clean precision-about

        var cohort = HashCode.Combine(player.PlayerId) & 0xF;
        Activity.Current?.SetTag("matchmaking.cohort", cohort); // leak TC1002 hashes

        if (detail.Reason.Kind == EvaluationReasonKind.Error)
        {
            logger.LogWarning("Flag {Flag} errored for {Gamertag}; using {Default}", FlagKey, player.Gamertag, "elo-v2"); // leak TC1001 cross-member
        }

        return detail.Value;
    }
}
