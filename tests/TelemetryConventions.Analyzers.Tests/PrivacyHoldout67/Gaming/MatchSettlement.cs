using System.Net.Http.Json;

namespace PrivacyHoldout67.Gaming;

public sealed record Player(Guid PlayerId, string Gamertag, string Platform, string PlatformAccountId, string SkillTier);

public sealed record MatchResult(string MatchId, string Mode, string Region, IReadOnlyList<Player> Players, IReadOnlyList<Player> Winners, TimeSpan Duration);

public sealed record RewardGrant(string Sku, int Amount);

/// <summary>The economy service refused a grant; its message names the player's id.</summary>
public sealed class RewardGrantException(Guid playerId, string sku) : Exception($"Grant of {sku} to player {playerId} refused");

internal static class ArenaTracing
{
    public static readonly ActivitySource Settlement = new("Arena.Settlement");
    public static readonly ActivitySource Economy = new("Arena.Economy.Client");
    public static readonly Meter Meter = new("Arena");
}

/// <summary>The team's tagging helpers for players.</summary>
public static class PlayerActivityExtensions
{
    public static Activity? SetPlayerTags(this Activity? activity, Player player, Pseudonymizer pseudonymizer)
    {
        activity?.SetTag(ArenaAttributes.PlayerId, pseudonymizer.ComputeArenaPlayerId(player.PlayerId.ToString())); // clean precision-pseudonym
        activity?.SetTag("player.platform", player.Platform); // clean precision-about
        activity?.SetTag("player.skill_tier", player.SkillTier); // clean precision-names
        activity?.SetTag("player.gamertag", player.Gamertag); // leak TC1001 direct
        return activity;
    }
}

/// <summary>Settles a finished match: results, rewards for the winners, then the season counters.</summary>
public sealed class MatchSettlementService(RewardClient rewards, Pseudonymizer pseudonymizer, ILogger<MatchSettlementService> logger)
{
    private static readonly Counter<long> RewardsGranted = ArenaTracing.Meter.CreateCounter<long>("arena.rewards.granted");
    private readonly ArenaMatchesSettledCounter _settled = ArenaTracing.Meter.CreateArenaMatchesSettledCounter();

    public async Task SettleAsync(MatchResult result, CancellationToken ct)
    {
        using var span = ArenaTracing.Settlement.StartArenaMatchSettle(result.MatchId, spanName: $"settle {result.Mode}") // clean generated-api
            .SetArenaBatchSize(result.Players.Count)
            .SetArenaStage("rewards");
        if (span.Activity is { } activity)
        {
            activity.DisplayName = $"settle {result.Mode} {result.MatchId}"; // clean strings
            activity.SetTag("arena.winners", result.Winners.Count);
            activity.SetTag("arena.duration.s", (int)result.Duration.TotalSeconds);
        }
        logger.LogInformation("Match {MatchId} settled, podium {Podium}", result.MatchId, result.Winners.Select(w => w.Gamertag)); // leak TC1001 logging-objects
        var podium = new StringBuilder("podium:");
        foreach (var winner in result.Winners.Take(3))
        {
            podium.Append(' ').Append(winner.Gamertag);
        }
        span.Activity?.AddEvent(new ActivityEvent("arena.podium", tags: new ActivityTagsCollection { ["summary"] = podium.ToString() })); // leak TC1001 strings
        logger.LogInformation("Match {MatchId} settled on {Platforms}", result.MatchId, result.Players.Select(p => p.Platform).Distinct()); // clean logging-objects

        foreach (var winner in result.Winners)
        {
            var grant = new RewardGrant(result.Mode == "ranked" ? "crate.ranked" : "crate.casual", 1);
            try
            {
                await rewards.GrantAsync(winner, grant, ct);
                span.Activity?.AddEvent(new ActivityEvent("reward.granted", tags: new ActivityTagsCollection { ["reward.sku"] = grant.Sku, ["reward.amount"] = grant.Amount })); // clean direct
                span.Activity?.AddEvent(new ActivityEvent("reward.recipient", tags: new ActivityTagsCollection { ["reward.sku"] = grant.Sku, ["player"] = winner.Gamertag })); // leak TC1001 direct
                RewardsGranted.Add(1, new KeyValuePair<string, object?>("sku", grant.Sku), new("region", result.Region)); // clean direct
                RewardsGranted.Add(1, new KeyValuePair<string, object?>("player", winner.PlayerId)); // leak TC1003 direct
            }
            catch (RewardGrantException ex)
            {
                span.Activity?.AddException(ex); // leak TC1001 exceptions
                span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
                span.SetArenaOutcome($"grant-failed:{winner.Gamertag}"); // leak TC1001 generated-api
                _settled.Add(1, "rewards", "grant-failed"); // clean generated-api
            }
        }
        span.SetArenaPlayerId(pseudonymizer.PseudonymizeArenaPlayerId(result.Winners[0].PlayerId.ToString())); // clean precision-pseudonym
        _settled.Add(1, "settled", $"mvp:{pseudonymizer.ComputeArenaPlayerId(result.Winners[0].PlayerId.ToString())}"); // leak TC1003 precision-pseudonym
    }
}

/// <summary>Calls the economy service; the span is started in a helper from the grant request.</summary>
public sealed class RewardClient(HttpClient http, Pseudonymizer pseudonymizer)
{
    public async Task GrantAsync(Player player, RewardGrant grant, CancellationToken ct)
    {
        using var activity = StartGrant(player, grant); // leak TC1001 cross-member
        activity.SetPlayerTags(player, pseudonymizer); // leak TC1001 cross-member
        using var response = await http.PostAsJsonAsync($"players/{player.PlayerId}/grants", grant, ct);
        activity?.SetTag("http.response.status_code", (int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            throw new RewardGrantException(player.PlayerId, grant.Sku);
        }
    }

    private static Activity? StartGrant(Player player, RewardGrant grant)
    {
        var activity = ArenaTracing.Economy.StartActivity($"POST players/{{playerId}}/grants {grant.Sku}", ActivityKind.Client); // clean strings
        activity?.SetTag("economy.sku", grant.Sku);
        activity?.SetTag("economy.platform_account", player.PlatformAccountId); // leak TC1001 direct
        activity?.SetTag("economy.seed", player.Gamertag.GetHashCode() % 32); // leak TC1002 hashes
        return activity;
    }
}
