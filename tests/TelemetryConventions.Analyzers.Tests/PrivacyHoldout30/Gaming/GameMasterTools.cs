using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Support.Web;
using PrivacyHoldout30.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout30.Gaming;

public enum BanReason
{
    Cheating,
    Harassment,
    ChargebackFraud,
    AccountSharing,
}

public sealed record PlayerProfile(Guid PlayerId, string Gamertag, string Platform, string Region, int Level);

public sealed record BanRequest(Guid PlayerId, BanReason Reason, int Days, string TicketId);

public interface IPlayerRepository
{
    Task<PlayerProfile?> GetAsync(Guid playerId, CancellationToken cancellationToken = default);

    Task<Guid> BanAsync(Guid playerId, BanReason reason, DateTimeOffset until, CancellationToken cancellationToken = default);
}

/// <summary>Game-master tools of the live-ops console: "view as player" and bans.</summary>
public sealed class GameMasterTools(IPlayerRepository players, ICacheStore cache, Pseudonymizer pseudonymizer, ActivitySource source, ILogger<GameMasterTools> logger)
{
    private static readonly Meter LiveOpsMeter = new("Gaming.LiveOps");
    private static readonly Counter<long> Bans = LiveOpsMeter.CreateCounter<long>("liveops.bans");

    public async Task<IResult> ViewAsPlayerAsync(Guid playerId, string ticketId, ClaimsPrincipal gm, CancellationToken cancellationToken)
    {
        var gmAccount = gm.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        var player = await players.GetAsync(playerId, cancellationToken);
        if (player is null)
        {
            return Results.NotFound();
        }

        var viewSession = Guid.NewGuid().ToString("N");
        await cache.SetStringAsync($"view-as:{viewSession}", playerId.ToString(), cancellationToken);

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PlayerId"] = playerId, ["Ticket"] = ticketId }); // leak TC1001 logging-objects
        using var span = source.StartOpsAdminAction("view-as");
        span.SetOpsSubjectId(pseudonymizer.PseudonymizeOpsSubjectId(playerId.ToString())); // clean precision-pseudonym
        span.SetOpsTicket(ticketId); // clean precision-names
        Activity.Current?.SetTag("gm.view_as.session", viewSession); // clean precision-names
        Activity.Current?.SetTag("gm.target.gamertag", player.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("gm.target.platform", player.Platform); // clean precision-names
        logger.LogInformation("GM {GmAccount} started view-as for {PlayerId}", gmAccount, playerId); // leak TC1001 direct
        return Results.Ok(new { viewSession });
    }

    public async Task<IResult> BanAsync(BanRequest request, ClaimsPrincipal gm, CancellationToken cancellationToken)
    {
        var player = await players.GetAsync(request.PlayerId, cancellationToken);
        if (player is null)
        {
            return Results.NotFound();
        }

        var banId = await players.BanAsync(request.PlayerId, request.Reason, DateTimeOffset.UtcNow.AddDays(request.Days), cancellationToken);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Ticket"] = request.TicketId, ["Platform"] = player.Platform }); // clean logging-objects
        logger.LogWarning("Ban {BanId} for {Days} days, reason {Reason}", banId, request.Days, request.Reason); // clean precision-names
        Activity.Current?.AddEvent(new ActivityEvent($"ban:{player.Gamertag}")); // leak TC1001 strings
        Activity.Current?.AddEvent(new ActivityEvent("ban", tags: new ActivityTagsCollection { ["ban.reason"] = request.Reason.ToString(), ["ban.days"] = request.Days })); // clean precision-names
        Bans.Add(1, new KeyValuePair<string, object?>("ban.reason", request.Reason.ToString())); // clean precision-names
        Bans.Add(1, new KeyValuePair<string, object?>("player.id", request.PlayerId.ToString())); // leak TC1003 direct
        TagTarget(Activity.Current, request.PlayerId); // leak TC1001 cross-member
        var canary = HashCode.Combine(request.PlayerId) & 15;
        Activity.Current?.SetTag("ban.enforcement.canary_bucket", canary); // leak TC1002 hashes
        return Results.Ok(new { banId });
    }

    private static void TagTarget(Activity? activity, Guid playerId) =>
        activity?.SetTag("gm.target.player_id", playerId); // leak TC1001 direct
}
