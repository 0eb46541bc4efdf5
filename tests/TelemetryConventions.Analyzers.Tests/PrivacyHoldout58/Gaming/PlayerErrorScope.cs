using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout58.Telemetry;
using Sentry;
using TelemetryConventions;

namespace PrivacyHoldout58.Gaming;

/// <summary>
/// Keeps the crash reporter's scope in step with the player's session, so that every error captured
/// on the game servers says whose session it was and what led up to it.
/// </summary>
public sealed class PlayerErrorScope(IHub sentry, Pseudonymizer pseudonymizer, ILogger<PlayerErrorScope> logger)
{
    public void SignedIn(Player player, string platform, string clientVersion)
    {
        sentry.ConfigureScope(scope =>
        {
            scope.User = new SentryUser { Id = pseudonymizer.ComputeLootPlayerId(player.AccountId.ToString()), Segment = player.Tier }; // clean precision-pseudonym
            scope.SetTag("platform", platform); // clean direct
            scope.SetTag("client.version", clientVersion);
            scope.SetTag("region", player.Region);
        });
        sentry.AddBreadcrumb("signed in", "session", data: new Dictionary<string, string> { ["platform"] = platform, ["tier"] = player.Tier }); // clean precision-about
    }

    /// <summary>The lobby servers, not yet moved to <see cref="SignedIn"/>, set the scope themselves.</summary>
    public void LobbyJoined(Player player, string lobbyId)
    {
        sentry.ConfigureScope(scope => scope.User = new SentryUser { Id = player.AccountId.ToString() }); // leak TC1001 direct
        sentry.ConfigureScope(scope => scope.SetTag("lobby", lobbyId)); // clean direct
        sentry.ConfigureScope(scope => scope.SetTag("gamertag", player.Gamertag)); // leak TC1001 direct
        sentry.AddBreadcrumb($"{player.Gamertag} joined lobby {lobbyId}", "lobby"); // leak TC1001 strings
    }

    public void FriendInviteFailed(FriendInviteException ex)
    {
        logger.LogInformation("Friend invite refused with {Reason}", ex.ReasonCode); // clean exceptions
        sentry.AddBreadcrumb("friend invite refused", "social", data: new Dictionary<string, string> { ["reason"] = ex.ReasonCode, ["to"] = ex.ToGamertag }); // leak TC1001 cross-member
        sentry.CaptureMessage($"Friend invite refused: {ex.ReasonCode}"); // clean exceptions
        logger.LogInformation("Friend invite refused: {Invite}", ex.Message); // leak TC1001 exceptions
    }

    public void MatchAbandoned(Guid matchId, IReadOnlyList<Player> remaining, TimeoutException heartbeatTimeout)
    {
        var error = new InvalidOperationException($"Match {matchId} abandoned with {remaining.Count} players left", heartbeatTimeout);
        error.Data["match"] = matchId;
        error.Data["players"] = string.Join(",", remaining.Select(p => p.Gamertag));
        logger.LogError(error, "Match {MatchId} abandoned", matchId); // clean exceptions
        sentry.CaptureException(error); // leak TC1001 exceptions
        error.Data.Remove("players");
        logger.LogWarning("Match abandoned: {Reason}", error.Message); // clean exceptions
    }

    /// <summary>After a client crash the launcher reconnects with the account id it cached.</summary>
    public void Reconnected(Guid cachedAccountId, string clientVersion)
    {
        sentry.ConfigureScope(scope => scope.User = new SentryUser { Id = Pseudonym.FromComputed(cachedAccountId.ToString()).Value }); // leak TC1001 precision-pseudonym
        sentry.ConfigureScope(scope => scope.SetTag("client.version", clientVersion));
    }

    public void SignedOut() => sentry.ConfigureScope(scope => scope.User = new SentryUser());
}
