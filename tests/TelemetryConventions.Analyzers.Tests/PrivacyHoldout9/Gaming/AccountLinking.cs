using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Mail;
using System.Web;
using Microsoft.Extensions.Logging;
using PrivacyHoldout9.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout9.Gaming;

/// <summary>The player the current request acts for, resolved once per request scope.</summary>
public sealed class PlayerContext(Pseudonymizer pseudonymizer, string gamertag, Guid playerId)
{
    public Guid PlayerId { get; } = playerId;

    public string Gamertag { get; } = gamertag;

    public Pseudonym TelemetryPlayer { get; } = pseudonymizer.PseudonymizeIntakeSubjectId(playerId.ToString("D"));
}

/// <summary>Completes console account links from the platform's redirect (…?gamertag=…&amp;email=…&amp;state=…).</summary>
public sealed class AccountLinkCallback(ILogger<AccountLinkCallback> logger, PlayerContext player, Meter meter)
{
    private static readonly ConcurrentDictionary<string, DateTimeOffset> RecentLinks = new(StringComparer.OrdinalIgnoreCase);
    private readonly Counter<long> _links = meter.CreateCounter<long>("account.links");
    private readonly Pseudonym _player = player.TelemetryPlayer;

    public void Complete(Uri redirect)
    {
        var query = HttpUtility.ParseQueryString(redirect.Query);
        var gamertag = query["gamertag"];
        var email = query["email"] ?? string.Empty;
        var platform = query["platform"] ?? "unknown";
        var activity = Activity.Current;
        activity?.SetTag("link.platform", platform); // clean direct
        activity?.SetTag("link.gamertag", gamertag); // leak TC1001 direct
        activity?.SetTag("link.player", _player.Value); // clean precision-pseudonym
        activity?.SetTag("link.query_keys", query.Count); // clean precision-about
        logger.LogInformation("Link callback for {Query}", redirect.Query); // leak TC1001 strings

        var address = new MailAddress(email);
        activity?.SetTag("link.email_host", address.Host); // clean precision-about
        activity?.SetTag("link.email_user", address.User); // leak TC1001 direct
        activity?.SetTag("intake.contact.email", player.TelemetryPlayer.Value); // leak TC1001 precision-pseudonym

        if (!RecentLinks.TryAdd(gamertag ?? string.Empty, DateTimeOffset.UtcNow))
        {
            logger.LogWarning("Repeated link within the window for {Gamertag}", gamertag); // leak TC1001 direct
        }

        activity?.SetTag("link.recent_cache_entries", RecentLinks.Count); // clean precision-about
        _links.Add(1, new KeyValuePair<string, object?>("platform", platform)); // clean direct
        _links.Add(1, new KeyValuePair<string, object?>("player", _player)); // leak TC1003 precision-pseudonym
    }

    public void Unlink()
    {
        Activity.Current?.SetTag("unlink.player_id", player.PlayerId.ToString("D")); // leak TC1001 cross-member
        Activity.Current?.SetTag("unlink.player_bucket", (uint)player.Gamertag.GetHashCode() % 32); // leak TC1002 hashes
        Activity.Current?.SetTag("unlink.gamertag_length", player.Gamertag.Length); // clean precision-about
        Activity.Current?.SetTag("unlink.player_id_format", "D"); // clean precision-names
    }
}

/// <summary>Matchmaking lobby sizes, logged per region.</summary>
public sealed class LobbyReport(ILogger<LobbyReport> logger)
{
    public void Report(IReadOnlyDictionary<string, HashSet<string>> gamertagsByRegion)
    {
        foreach (var (region, gamertags) in gamertagsByRegion)
        {
            logger.LogInformation("Region {Region} has {PlayerCount} players queued", region, gamertags.Count); // clean precision-names
            logger.LogDebug("Region {Region} queue {Players}", region, gamertags); // leak TC1001 logging-objects
            logger.LogDebug("Region {Region} longest gamertag {Longest}", region, gamertags.Max(g => g.Length)); // clean precision-about
        }

        var summary = gamertagsByRegion.Select(kv => new { Region = kv.Key, Queued = kv.Value.Count }).ToList();
        logger.LogInformation("Lobby summary {@Summary}", summary); // clean logging-objects
        var sample = gamertagsByRegion.Select(kv => new { Region = kv.Key, First = kv.Value.FirstOrDefault() }).ToList();
        logger.LogDebug("Lobby sample {@Sample}", sample); // leak TC1001 logging-objects
    }
}
