using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyHoldout50.Telemetry;
using TelemetryConventions;
using TelemetrySecrets = PrivacyCorpus.Shared.TelemetrySecrets;

namespace PrivacyHoldout50.Gaming;

/// <summary>
/// First middleware of the game's player API (<c>/players/{playerId}/inventory</c>,
/// <c>/players/{playerId}/friends</c>, <c>/matches/{matchId}/join</c>, <c>/store/purchases</c>,
/// <c>/leaderboards/{season}/{region}</c>): tags the request with the client's platform and session and
/// the signed-in player, whose account id (a <c>Guid</c>) is the token's <c>NameIdentifier</c>.
/// </summary>
public sealed class PlayerCorrelationMiddleware(ILogger<PlayerCorrelationMiddleware> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets) : IMiddleware
{
    /// <summary>Where the middleware keeps the signed-in player's gamertag for later middleware.</summary>
    public const string GamertagItem = "player.gamertag";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Request.Headers;
        var platform = headers["X-Platform"].ToString();
        var clientVersion = headers["X-Client-Version"].ToString();
        var sessionId = headers["X-Session-Id"].ToString();
        var playerId = context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var gamertag = context.User.FindFirst("gamertag")?.Value;
        context.Items[GamertagItem] = gamertag;

        var activity = Activity.Current;
        activity?.SetTag("game.platform", platform); // clean precision-names
        activity?.SetTag("game.client.version", clientVersion); // clean precision-names
        activity?.SetTag("game.session.id", sessionId); // clean precision-names
        activity?.SetBaggage("player.id", playerId); // leak TC1001 direct
        activity?.SetBaggage("player.ref", playerId is null ? null : pseudonymizer.ComputeApiCallerId(playerId)); // clean precision-pseudonym
        activity?.SetTag("player.gamertag", gamertag); // leak TC1001 direct
        activity?.SetTag("player.gamertag_length", gamertag?.Length); // clean precision-about

        if (playerId is not null)
        {
            activity?.SetTag("player.canary_cohort", HashCode.Combine(playerId) & 15); // leak TC1002 hashes
            activity?.SetTag("player.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(playerId))[0] & 15); // clean hashes
        }

        using (logger.BeginScope(new Dictionary<string, object?> { ["SessionId"] = sessionId, ["Platform"] = platform, ["ClientVersion"] = clientVersion })) // clean precision-names
        {
            await next(context);
        }

        if (context.Response.StatusCode >= 500)
        {
            logger.LogWarning("{Method} {Path} failed with {StatusCode} on {Platform}", context.Request.Method, context.Request.Path, context.Response.StatusCode, platform); // leak TC1001 strings
        }
    }
}
