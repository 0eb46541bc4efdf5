using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout17.Telemetry;
using Stripe;
using TelemetryConventions;

namespace PrivacyHoldout17.Gaming;

/// <summary>The signed-in player, as the game's auth middleware puts it on the request.</summary>
public sealed record PlayerPrincipal(string PlayerId, string Gamertag, string Region, string? StripeCustomerId);

public sealed record StoreOffer(string Sku, string Tier, long PriceMinor, string Currency);

public sealed record CheckoutResponse(string PaymentIntentId, string ClientSecret);

public interface IOfferCatalogue
{
    Task<StoreOffer> GetAsync(string sku, CancellationToken cancellationToken);
}

/// <summary>Creates Stripe payment intents for the in-game store (gem packs, season passes).</summary>
public sealed class StoreCheckoutService(
    PaymentIntentService intents,
    IOfferCatalogue catalogue,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<StoreCheckoutService> logger)
{
    private readonly Counter<long> _intentsByPlayer = meter.CreateCounter<long>("store.intents.by_player", "{intent}");
    private readonly Counter<long> _intents = meter.CreateCounter<long>("store.intents", "{intent}");

    /// <param name="idempotencyKey">The <c>Idempotency-Key</c> header: a GUID the game client generates per purchase attempt.</param>
    public async Task<CheckoutResponse> CreateIntentAsync(PlayerPrincipal player, string sku, string idempotencyKey, CancellationToken cancellationToken)
    {
        var offer = await catalogue.GetAsync(sku, cancellationToken);
        var activity = Activity.Current;
        var options = new PaymentIntentCreateOptions
        {
            Amount = offer.PriceMinor,
            Currency = offer.Currency,
            Customer = player.StripeCustomerId,
            Description = $"{offer.Sku} ({offer.Tier})",
            Metadata = new() { ["player_id"] = player.PlayerId, ["gamertag"] = player.Gamertag, ["sku"] = offer.Sku },
        };

        activity?.SetTag("idempotency.key", idempotencyKey); // clean precision-names
        activity?.SetTag("store.payer", pseudonymizer.ComputeBillingPayerId(player.PlayerId)); // clean precision-pseudonym
        logger.LogInformation("Creating payment intent {Metadata}", JsonSerializer.Serialize(options.Metadata)); // leak TC1001 logging-objects
        logger.LogInformation("Creating payment intent for {Sku}: {Description}", offer.Sku, options.Description); // clean precision-names

        var intent = await intents.CreateAsync(options, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);
        activity?.SetTag("payment_intent.customer", intent.CustomerId); // leak TC1001 direct
        meter.CreateBillingChargesCounter().Add(1, "stripe", offer.Currency, BillingPaymentMethod.Card); // clean generated-api
        _intents.Add(1, new KeyValuePair<string, object?>("region", player.Region), new KeyValuePair<string, object?>("offer.tier", offer.Tier)); // clean precision-names
        _intentsByPlayer.Add(1, new KeyValuePair<string, object?>("player.id", player.PlayerId)); // leak TC1003 direct
        _intentsByPlayer.Add(1, new KeyValuePair<string, object?>("player.gamertag", player.Gamertag)); // leak TC1003 direct
        return new CheckoutResponse(intent.Id, intent.ClientSecret ?? string.Empty);
    }
}
