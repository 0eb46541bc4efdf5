using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout7.Support;
using PrivacyHoldout7.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout7.Gaming;

public sealed record PlayerProfile(string PlayerId, string Gamertag, string Email, string Platform, int Level, string CountryCode);

public sealed record MatchResult(string MatchId, string Mode, string WinnerPlayerId, string WinnerGamertag, int DurationSeconds, int PlayerCount);

public interface IProfileStore
{
    Task<PlayerProfile> LoadAsync(string playerId);
}

/// <summary>Base of the match event handlers: opens the span and tags what every handler shares.</summary>
public abstract class MatchEventHandler
{
    protected static readonly ActivitySource Source = new("Arena.Matches");

    public async Task HandleAsync(MatchResult result)
    {
        using var activity = Source.StartActivity(GetType().Name);
        activity?.SetTag("arena.match.id", result.MatchId); // clean precision-names
        activity?.SetTag("arena.match.subject", Subject(result)); // leak TC1001 cross-member
        Enrich(activity, result);
        await OnHandledAsync(result);
    }

    /// <summary>What the match is about, for the span; derived handlers choose.</summary>
    protected virtual string Subject(MatchResult result) => result.Mode;

    protected virtual void Enrich(Activity? activity, MatchResult result)
    {
    }

    protected abstract Task OnHandledAsync(MatchResult result);

    protected static void Tag<T>(Activity? activity, string key, T value) => activity?.SetTag(key, value);
}

public sealed class LeaderboardHandler(IMemoryCache cache, IProfileStore profiles, ILogger<LeaderboardHandler> logger) : MatchEventHandler
{
    protected override string Subject(MatchResult result) => result.WinnerGamertag;

    protected override void Enrich(Activity? activity, MatchResult result)
    {
        Tag(activity, "arena.match.duration_s", result.DurationSeconds); // clean direct
        Tag(activity, "arena.winner.gamertag", result.WinnerGamertag); // leak TC1001 direct
        Tag(activity, "arena.player_count", result.PlayerCount); // clean precision-names
    }

    protected override async Task OnHandledAsync(MatchResult result)
    {
        var profile = await cache.GetOrCreateAsync("profile:" + result.WinnerPlayerId, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            return profiles.LoadAsync(result.WinnerPlayerId);
        });

        var tier = profile.Level switch
        {
            >= 50 => "legend",
            >= 20 => "veteran",
            _ => "rookie",
        };
        Activity.Current?.SetTag("arena.winner.tier", tier); // clean precision-about
        Activity.Current?.SetTag("arena.winner.platform", profile.Platform); // clean precision-about
        Activity.Current?.SetTag("arena.winner.country", profile.CountryCode); // clean precision-about
        logger.LogInformation("Leaderboard updated for {Winner}", profile.Email); // leak TC1001 cross-member
    }
}

public sealed class MatchAnalyticsHandler(Pseudonymizer pseudonymizer, Meter meter, ILogger<MatchAnalyticsHandler> logger) : MatchEventHandler
{
    private readonly Counter<long> _matches = meter.CreateCounter<long>("arena.matches.completed");
    private readonly Lazy<Pseudonym> _housePlayer = new(() => pseudonymizer.Pseudonymize("player", "house-bot"));

    protected override string Subject(MatchResult result) => result.Mode + "/" + result.PlayerCount;

    protected override void Enrich(Activity? activity, MatchResult result)
    {
        Tag(activity, "arena.winner.id", pseudonymizer.PseudonymizeArenaPlayerId(result.WinnerPlayerId)); // clean precision-pseudonym
        Tag(activity, "arena.house.player", _housePlayer.Value); // clean precision-pseudonym
    }

    protected override Task OnHandledAsync(MatchResult result)
    {
        var tags = BuildTags(result);
        _matches.Add(1, tags); // leak TC1003 cross-member
        _matches.Add(1, new TagList { { "arena.mode", result.Mode }, { "arena.winner.is_house", result.WinnerPlayerId == "house-bot" } }); // clean precision-about

        var activity = Activity.Current;
        _ = Task.Run(() =>
        {
            activity?.AddEvent(new ActivityEvent("arena.match.archived", tags: new ActivityTagsCollection { ["arena.winner"] = result.WinnerPlayerId })); // leak TC1001 cross-member
            logger.LogDebug("Archived match {MatchId} ({Mode})", result.MatchId, result.Mode); // clean cross-member
        });
        return Task.CompletedTask;
    }

    private static TagList BuildTags(MatchResult result)
    {
        var tags = new TagList();
        tags.Add("arena.mode", result.Mode);
        tags.Add("arena.winner", result.WinnerPlayerId);
        return tags;
    }
}

/// <summary>Opens the generated span for a ranked match.</summary>
public sealed class RankedMatchTelemetry(Pseudonymizer pseudonymizer, ILogger<RankedMatchTelemetry> logger)
{
    private static readonly ActivitySource Source = new("Arena.Ranked");

    public void Started(MatchResult result, PlayerProfile host)
    {
        using var span = Source.StartArenaMatch(pseudonymizer.PseudonymizeArenaPlayerId(host.PlayerId)); // clean generated-api
        span.SetArenaRegion(host.CountryCode); // clean generated-api
        span.SetArenaMatchId(host.Gamertag); // leak TC1001 generated-api
        span.AddArenaMatchDelayedEvent("waiting for " + host.Gamertag); // leak TC1001 generated-api

        var shortKey = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(host.PlayerId)))[..10];
        logger.LogInformation("Ranked match {MatchId} host key {HostKey}", result.MatchId, shortKey); // leak TC1002 hashes
        var seatKey = HashCode.Combine(host.PlayerId, result.MatchId);
        logger.LogDebug("Host seat key {SeatKey}", seatKey); // leak TC1002 hashes
    }
}
