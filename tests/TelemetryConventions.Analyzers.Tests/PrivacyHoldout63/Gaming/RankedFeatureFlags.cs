using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using PrivacyCorpus.Shared;
using PrivacyHoldout63.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout63.Gaming;

/// <summary>The signed-in player of a lobby connection.</summary>
public interface IPlayerSession
{
    Guid PlayerId { get; }

    string Gamertag { get; }

    string Platform { get; }

    string Region { get; }

    bool IsCreator { get; }
}

/// <summary>Targets the lobby's flags at the player: content creators get a group of their own so that their streams can be opted in one by one.</summary>
public sealed class PlayerTargetingContextAccessor(IPlayerSession session) : ITargetingContextAccessor
{
    public ValueTask<TargetingContext> GetContextAsync()
    {
        var groups = new List<string> { $"platform:{session.Platform}", $"region:{session.Region}" };
        if (session.IsCreator)
        {
            groups.Add($"creator:{session.Gamertag}");
        }

        return new(new TargetingContext { UserId = session.PlayerId.ToString(), Groups = groups });
    }
}

public sealed class RankedFeatureFlags(
    IVariantFeatureManager features,
    ITargetingContextAccessor accessor,
    IPlayerSession session,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<RankedFeatureFlags> logger)
{
    public const string FleetV2 = "matchhost.fleet-v2";
    public const string Crossplay = "ranked.crossplay";

    public async Task<string> AllocationVariantAsync(CancellationToken cancellationToken)
    {
        var targeting = await accessor.GetContextAsync();
        var variant = await features.GetVariantAsync(FleetV2, targeting, cancellationToken);
        var name = variant?.Name ?? "control";

        logger.LogInformation("Fleet variant {Variant} for groups {Groups}", name, targeting.Groups); // leak TC1001 cross-member
        logger.LogInformation("Fleet variant {Variant} across {GroupCount} groups", name, targeting.Groups.Count()); // clean precision-about
        logger.LogDebug("Fleet variant {Variant} for {PlayerId}", name, targeting.UserId); // leak TC1001 cross-member
        logger.LogDebug("Fleet variant {Variant} configured as {Configuration}", name, variant?.Configuration);
        Activity.Current?.SetTag("feature_flag.key", FleetV2);
        Activity.Current?.SetTag("feature_flag.variant", name);
        Activity.Current?.SetTag("feature_flag.context.id", pseudonymizer.ComputeMatchhostPlayerId(session.PlayerId.ToString())); // clean precision-pseudonym
        if (session.IsCreator)
        {
            Activity.Current?.SetTag(MatchhostAttributes.PlayerGamertag, pseudonymizer.ComputeMatchhostPlayerId(session.Gamertag)); // leak TC1001 precision-pseudonym
        }


        var cohort = HashCode.Combine(targeting.UserId) & 0xF;
        Activity.Current?.SetTag("matchhost.cohort", cohort); // leak TC1002 hashes

        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(session.PlayerId.ToString()))[0] % 8;
        Activity.Current?.SetTag("matchhost.shard", shard); // clean hashes
        return name;
    }

    public async Task<bool> CrossplayAsync(CancellationToken cancellationToken)
    {
        var targeting = await accessor.GetContextAsync();
        var enabled = await features.IsEnabledAsync(Crossplay, targeting, cancellationToken);
        logger.LogInformation("{Flag} is {Enabled} on {Platform} in {Region}", Crossplay, enabled, session.Platform, session.Region); // clean precision-about
        logger.LogInformation("{Flag} evaluated for creator account: {IsCreator}", Crossplay, session.IsCreator); // clean precision-names
        if (!enabled && session.IsCreator)
        {
            logger.LogWarning("{Flag} is off for creator {Gamertag}", Crossplay, session.Gamertag); // leak TC1001 direct
        }

        return enabled;
    }
}
