using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout22.Telemetry;

namespace PrivacyHoldout22.Gaming;

/// <summary>
/// Logs the bodies the profile API returns, for the live-ops team. Its endpoints return player
/// profiles (<c>/players/{playerId}</c>: gamertag, email, linked accounts), friend lists and match
/// history.
/// </summary>
public sealed class ResponseBodyLoggingMiddleware(RequestDelegate next, ILogger<ResponseBodyLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        buffer.Position = 0;
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        logger.LogDebug("Response {Status} for {Route}: {Body}", context.Response.StatusCode, route, text); // leak TC1001 strings
        logger.LogInformation("Response {Status} for {Route}: {Bytes} bytes of {ContentType}", context.Response.StatusCode, route, buffer.Length, context.Response.ContentType); // clean precision-about
        await buffer.CopyToAsync(original, context.RequestAborted);
    }
}

/// <summary>Samples one trace in sixteen per player for the detailed match traces.</summary>
public sealed class PlayerTraceSampling(TelemetrySecrets secrets)
{
    public static int LegacyBucket(string playerId) => Math.Abs(playerId.GetHashCode()) % 16;

    public int Bucket(string playerId) => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(playerId))[0] % 16;

    public void Tag(Activity? activity, string playerId, bool legacy)
    {
        activity?.SetTag("game.sample_bucket", legacy ? LegacyBucket(playerId) : Bucket(playerId)); // leak TC1002 hashes
        activity?.SetTag("game.sample_shard", Bucket(playerId)); // clean hashes
    }
}

public sealed class PlayerBannedException(string playerId, DateTimeOffset until)
    : Exception($"Player {playerId} is banned until {until:u}.")
{
    public DateTimeOffset Until { get; } = until;
}

public sealed class MatchFullException(string matchId, int capacity)
    : Exception($"Match {matchId} is full ({capacity} players).");

/// <summary>Turns the game API's exceptions into problem details for the client.</summary>
public sealed class GameExceptionHandler(ILogger<GameExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        switch (exception)
        {
            case PlayerBannedException banned:
                activity?.SetTag("game.ban.until", banned.Until.ToString("u")); // clean precision-about
                activity?.AddGatewayRejectedEvent(banned.Message, "/players/{playerId}/matches"); // leak TC1001 exceptions
                logger.LogInformation("Banned player rejected until {Until}", banned.Until); // clean precision-about
                await Write(httpContext, StatusCodes.Status403Forbidden, "Banned", banned.Message);
                return true;

            case MatchFullException full:
                activity?.AddGatewayRejectedEvent(full.Message, "/matches/{matchId}/join"); // clean exceptions
                logger.LogInformation(full, "Join refused"); // clean exceptions
                await Write(httpContext, StatusCodes.Status409Conflict, "Match full", full.Message);
                return true;

            default:
                // Only exceptions the game code did not anticipate reach this branch.
                activity?.SetStatus(ActivityStatusCode.Error, exception.Message); // clean exceptions
                logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path); // leak TC1001 strings
                return false;
        }
    }

    private static Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        return System.Text.Json.JsonSerializer.SerializeAsync(context.Response.Body, problem);
    }
}
