using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout27.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout27.Gaming;

public sealed record Grant(Guid GrantId, string Sku, IReadOnlyList<string> Items, string Source);

public interface IInventoryStore
{
    Task<bool> TryAddAsync(string titleId, Guid playerId, Grant grant, CancellationToken cancellationToken);
}

/// <summary>
/// The inventory library every title's backend links. Its methods take the grant only: the title
/// and the player come from the ambient player context.
/// </summary>
public sealed class InventoryLedger(IInventoryStore store, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<InventoryLedger> logger)
{
    public const string GamertagProperty = "arena.gamertag";

    private static readonly ActivitySource Source = new("Arena.Inventory");

    public async Task<bool> ApplyAsync(Grant grant, CancellationToken cancellationToken)
    {
        var player = PlayerContext.Current ?? throw new InvalidOperationException("No player in context.");
        using var span = Source.StartTenancyWork(player.TitleId, "inventory.grant");
        span.SetTenancySubjectId(pseudonymizer.PseudonymizeTenancySubjectId(player.PlayerId.ToString())).SetTenancyItemCount(grant.Items.Count); // clean generated-api

        var activity = span.Activity;
        activity?.SetTag("arena.player.platform", player.Platform); // clean precision-names
        activity?.SetTag("arena.player.bucket", player.PlayerId.ToString().GetHashCode() & 0x3F); // leak TC1002 hashes
        activity?.SetTag("arena.player.shard", HMACSHA256.HashData(secrets.ShardKey, player.PlayerId.ToByteArray())[0] % 8); // clean hashes
        activity?.SetCustomProperty(GamertagProperty, player.Gamertag); // clean direct

        if (await store.TryAddAsync(player.TitleId, player.PlayerId, grant, cancellationToken))
        {
            return true;
        }

        logger.LogWarning("Grant {GrantId} from {Source} rejected for player {PlayerId}", grant.GrantId, grant.Source, player.PlayerId); // leak TC1001 cross-member
        span.AddTenancyWorkRejectedEvent($"duplicate grant for {player.Gamertag}"); // leak TC1001 generated-api
        return false;
    }
}

/// <summary>The activity listener the backend registers to log slow spans with the player they were for.</summary>
public static class ArenaSlowSpans
{
    public static ActivityListener Create(ILogger logger) => new()
    {
        ShouldListenTo = source => source.Name.StartsWith("Arena.", StringComparison.Ordinal),
        Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        ActivityStopped = activity =>
        {
            if (activity.Duration < TimeSpan.FromMilliseconds(250))
            {
                return;
            }

            if (activity.GetCustomProperty(InventoryLedger.GamertagProperty) is string gamertag)
            {
                logger.LogDebug("{Span} took {DurationMs} ms for {Gamertag}", activity.DisplayName, activity.Duration.TotalMilliseconds, gamertag); // leak TC1001 cross-member
            }
            else
            {
                logger.LogDebug("{Span} took {DurationMs} ms", activity.DisplayName, activity.Duration.TotalMilliseconds);
            }
        },
    };
}
