using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using PrivacyHoldout22.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout22.Gaming;

/// <summary>Header names the game client sends with every call.</summary>
public static class GameHeaders
{
    public const string CorrelationId = "X-Correlation-Id";
    public const string PlayerId = "X-Player-Id";
    public const string Gamertag = "X-Gamertag";
    public const string Platform = "X-Platform";
    public const string ClientVersion = "X-Client-Version";
}

/// <summary>
/// Reads the game client's headers and puts what the backend services need into the trace's
/// baggage, so that matchmaking, inventory and the store see it without asking the profile service.
/// </summary>
public sealed class PlayerCorrelationMiddleware(RequestDelegate next, ILogger<PlayerCorrelationMiddleware> logger, Pseudonymizer pseudonymizer)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        var correlationId = headers.TryGetValue(GameHeaders.CorrelationId, out var given) ? given : Guid.NewGuid().ToString("N");
        var playerId = headers.TryGetValue(GameHeaders.PlayerId, out var player) ? player : null;
        var gamertag = headers.TryGetValue(GameHeaders.Gamertag, out var tag) ? tag : null;
        var platform = headers.TryGetValue(GameHeaders.Platform, out var p) ? p : "unknown";

        var activity = Activity.Current;
        activity?.SetTag("game.correlation_id", correlationId); // clean precision-names
        activity?.SetBaggage("game.platform", platform); // clean precision-names
        activity?.SetBaggage("game.gamertag", gamertag); // leak TC1001 direct
        Baggage.SetBaggage("game.correlation_id", correlationId); // clean precision-names

        if (playerId is not null)
        {
            Baggage.SetBaggage("game.player", pseudonymizer.ComputeGatewaySubjectId(playerId)); // clean precision-pseudonym
            Baggage.SetBaggage("game.player_raw", playerId); // leak TC1001 direct
        }

        using (CorrelationScope.Begin(logger, correlationId, platform)) // clean precision-names
        using (CorrelationScope.Begin(logger, correlationId, gamertag)) // leak TC1001 cross-member
        {
            await next(context);
        }
    }
}

/// <summary>The logging scope every game service opens for a request.</summary>
public static class CorrelationScope
{
    public static IDisposable? Begin(ILogger logger, string correlationId, string? subject) =>
        logger.BeginScope("Correlation {CorrelationId} for {Subject}", correlationId, subject);
}

/// <summary>
/// The platform team's processor: copies every baggage entry onto every span started in the game
/// services, so traces can be filtered by what the client sent.
/// </summary>
public sealed class BaggageToTagsProcessor : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        foreach (var entry in Baggage.Current)
        {
            data.SetTag("baggage." + entry.Key, entry.Value); // leak TC1001 cross-member
        }
    }
}

/// <summary>The store team's variant: only the entries on its list.</summary>
public sealed class AllowListedBaggageProcessor : BaseProcessor<Activity>
{
    private static readonly string[] Keys = ["game.platform", "game.correlation_id", "game.player"];

    public override void OnStart(Activity data)
    {
        foreach (var key in Keys)
        {
            if (Baggage.GetBaggage(key) is { } value)
            {
                data.SetTag("baggage." + key, value); // clean precision-pseudonym
            }
        }
    }
}

/// <summary>Passes the correlation and the baggage on to the downstream game services.</summary>
public sealed class CorrelationPropagationHandler(ILogger<CorrelationPropagationHandler> logger) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = new PropagationContext(Activity.Current?.Context ?? default, Baggage.Current);
        Propagators.DefaultTextMapPropagator.Inject(context, request, static (r, key, value) => r.Headers.TryAddWithoutValidation(key, value));
        logger.LogDebug("Propagating {BaggageCount} baggage entries ({BaggageKeys}) to {Host}", Baggage.Current.Count, string.Join(",", Baggage.Current.GetBaggage().Keys), request.RequestUri?.Host); // clean precision-names
        logger.LogTrace("Propagated baggage {@Baggage}", Baggage.Current.GetBaggage()); // leak TC1001 logging-objects
        return base.SendAsync(request, cancellationToken);
    }
}
