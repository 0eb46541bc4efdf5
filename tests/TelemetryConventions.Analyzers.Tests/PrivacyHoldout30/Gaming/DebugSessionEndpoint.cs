using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Support.Web;
using PrivacyHoldout30.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout30.Gaming;

/// <summary>
/// <c>GET /debug/session</c> on the game's web shop, enabled for live-ops in every environment. The session holds
/// <c>player_id</c>, <c>gamertag</c>, <c>region</c>, <c>platform</c> and <c>basket</c>.
/// </summary>
public static class DebugSessionEndpoint
{
    private static readonly ActivitySource Source = new("Gaming.Shop.Debug");

    public static void Map(WebApplication app) =>
        app.MapGroup("/debug").RequireAuthorization("liveops").MapGet("/session", Dump);

    internal static IResult Dump(HttpContext http, ILogger<SessionDump> logger)
    {
        var session = http.Session;
        using var span = Source.StartDiagDump("/debug/session"); // clean precision-names
        span.SetDiagCheckDescription($"session {session.Id} has {session.Keys.Count()} keys"); // clean precision-names
        logger.LogInformation("Session keys: {Keys}", string.Join(",", session.Keys)); // clean precision-names
        var dump = new SessionDump(session.Id, session.Keys.ToDictionary(k => k, k => session.GetString(k)));
        logger.LogDebug("Session dump: {Values}", string.Join(";", dump.Values.Select(kv => $"{kv.Key}={kv.Value}"))); // leak TC1001 logging-objects
        logger.LogInformation("Session belongs to {Gamertag}", session.GetString("gamertag")); // leak TC1001 direct
        logger.LogInformation("Session region {Region} on {Platform}", session.GetString("region"), session.GetString("platform")); // clean precision-names
        logger.LogInformation("Debug session dump requested from {ClientIp}", http.Connection.RemoteIpAddress); // leak TC1001 direct
        logger.LogDebug("Client port {Port}", http.Connection.RemotePort); // clean precision-about
        return Results.Json(dump);
    }
}

public sealed record SessionDump(string SessionId, IReadOnlyDictionary<string, string?> Values);

/// <summary>Live-ops flips the cross-play beta for a list of players.</summary>
public sealed class CrossplayBetaToggle(IFlagStore flags, Pseudonymizer pseudonymizer, ILogger<CrossplayBetaToggle> logger)
{
    public async Task AddPlayersAsync(IReadOnlyCollection<Guid> playerIds, ClaimsPrincipal operatorUser)
    {
        await flags.AddTargetsAsync("crossplay-beta", playerIds.Select(p => p.ToString()));
        var operatorId = operatorUser.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        logger.LogOpsFlagToggledEvent("crossplay-beta", true, pseudonymizer.PseudonymizeOpsOperatorId(operatorId)); // clean precision-pseudonym
        logger.LogOpsFlagToggledEvent("crossplay-beta", true, opsNote: $"added {string.Join(' ', playerIds)}"); // leak TC1001 generated-api
        logger.LogInformation("crossplay-beta now targets {Count} more players", playerIds.Count); // clean precision-about
        logger.LogInformation("crossplay-beta flipped by {Operator}", operatorId); // leak TC1001 direct
    }
}
