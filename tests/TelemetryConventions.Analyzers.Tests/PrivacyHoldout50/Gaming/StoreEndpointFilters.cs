using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PrivacyHoldout50.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout50.Gaming;

/// <summary>A purchase in the in-game store; a gift names the friend it is for by their gamertag.</summary>
public sealed record PurchaseRequest(Guid PlayerId, string Sku, int Quantity, string Currency, string? GiftRecipientGamertag);

public sealed record PurchaseReceipt(Guid ReceiptId, string Sku, int Quantity);

public interface IStoreService
{
    Task<PurchaseReceipt> PurchaseAsync(PurchaseRequest request, CancellationToken cancellationToken);
}

public interface IInventoryService
{
    Task<IReadOnlyList<string>> ItemsAsync(Guid playerId, CancellationToken cancellationToken);
}

public static class StoreEndpoints
{
    /// <summary>
    /// The player API sets <c>RouteHandlerOptions.ThrowOnBadRequest</c>, so binding failures reach
    /// <see cref="BindingFailureMiddleware"/> as <see cref="BadHttpRequestException"/>. Console builds before
    /// 2.4 send the gamertag where <c>{playerId}</c> belongs.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/store/purchases", async (PurchaseRequest request, IStoreService store, CancellationToken ct) => Results.Ok(await store.PurchaseAsync(request, ct)))
            .AddEndpointFilter<IdempotencyKeyFilter>()
            .AddEndpointFilter<PurchaseTelemetryFilter>();

        app.MapGet("/players/{playerId}/inventory", async (Guid playerId, IInventoryService inventory, CancellationToken ct) => Results.Ok(await inventory.ItemsAsync(playerId, ct)));
    }
}

public sealed class IdempotencyKeyFilter(ILogger<IdempotencyKeyFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var key = context.HttpContext.Request.Headers["Idempotency-Key"].ToString();
        if (!Guid.TryParse(key, out _))
        {
            logger.LogInformation("Purchase refused: Idempotency-Key missing or not a GUID ({Length} characters)", key.Length); // clean precision-about
            return Results.Problem("An Idempotency-Key header with a GUID is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        Activity.Current?.SetTag("store.idempotency_key", key); // clean precision-names
        return await next(context);
    }
}

public sealed class PurchaseTelemetryFilter(ILogger<PurchaseTelemetryFilter> logger, Pseudonymizer pseudonymizer) : IEndpointFilter
{
    private static readonly Meter StoreMeter = new("Game.Store");
    private static readonly Counter<long> Purchases = StoreMeter.CreateCounter<long>("store.purchases");

    // Feeds the live-ops spend dashboard (purchases per player, by pseudonym).
    private static readonly Counter<long> PurchasesByPlayer = StoreMeter.CreateCounter<long>("store.purchases.by_player");
    private static readonly ApiFilterDurationHistogram FilterDuration = StoreMeter.CreateApiFilterDurationHistogram();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.GetArgument<PurchaseRequest>(0);
        var activity = Activity.Current;
        activity?.SetTag("store.sku", request.Sku); // clean precision-names
        activity?.SetTag("store.is_gift", request.GiftRecipientGamertag is not null); // clean precision-about
        activity?.SetTag("store.gift.recipient", request.GiftRecipientGamertag); // leak TC1001 direct
        logger.LogInformation("Purchase {@Request}", request); // leak TC1001 logging-objects
        activity?.SetTag("store.buyer_fingerprint", Convert.ToHexString(SHA1.HashData(request.PlayerId.ToByteArray()))); // leak TC1002 hashes

        var started = Stopwatch.GetTimestamp();
        var result = await next(context);
        var playerRef = pseudonymizer.ComputeApiCallerId(request.PlayerId.ToString());
        Purchases.Add(request.Quantity, new KeyValuePair<string, object?>("store.sku", request.Sku), new KeyValuePair<string, object?>("store.currency", request.Currency)); // clean precision-names
        PurchasesByPlayer.Add(request.Quantity, new KeyValuePair<string, object?>("player.ref", playerRef)); // leak TC1003 precision-pseudonym
        FilterDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "/store/purchases", apiOutcome: result is IResult ? "ok" : "unexpected"); // clean precision-names
        logger.LogInformation("Purchase of {Sku} x{Quantity} by {PlayerRef}", request.Sku, request.Quantity, playerRef); // clean precision-pseudonym
        return result;
    }
}

/// <summary>Logs the player API's binding failures and answers 400.</summary>
public sealed class BindingFailureMiddleware(ILogger<BindingFailureMiddleware> logger) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex)
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            logger.LogInformation(ex, "Bad request on {Route}", route); // leak TC1001 exceptions
            logger.LogDebug("Bad request came from {Gamertag}", context.Items[PlayerCorrelationMiddleware.GamertagItem]); // leak TC1001 cross-member
            Activity.Current?.SetTag("error.type", nameof(BadHttpRequestException)); // clean exceptions
            Activity.Current?.SetTag("http.response.status_code", ex.StatusCode); // clean precision-about
            context.Response.StatusCode = ex.StatusCode;
        }
    }
}
