using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout21.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout21.Gaming;

/// <summary>A Google Play Developer API products.get result.</summary>
public sealed record ProductPurchase(
    string OrderId,
    string ProductId,
    long PurchaseTimeMillis,
    int PurchaseState,
    int ConsumptionState,
    string PurchaseToken,
    string? ObfuscatedExternalAccountId,
    int AcknowledgementState,
    string RegionCode);

public interface IPlayDeveloperApi
{
    Task<ProductPurchase> GetProductPurchaseAsync(string packageName, string productId, string purchaseToken, CancellationToken cancellationToken);
}

public interface IEntitlementStore
{
    Task<bool> GrantAsync(string playerId, string productId, string orderId, CancellationToken cancellationToken);
}

/// <summary>Grants in-game items for Google Play purchases once the receipt checks out.</summary>
public sealed class EntitlementService(IPlayDeveloperApi play, IEntitlementStore store, Pseudonymizer pseudonymizer, Meter meter, ILogger<EntitlementService> logger)
{
    private const string PackageName = "com.example.skyforge";
    private static readonly ActivitySource Source = new("Game.Entitlements");

    public async Task<bool> GrantAsync(string playerId, string productId, string purchaseToken, CancellationToken cancellationToken)
    {
        using var span = Source.StartInterchangeMessage("play-billing", "ProductPurchase");
        span.SetInterchangeSubjectId(pseudonymizer.PseudonymizeInterchangeSubjectId(playerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("play.purchase_token.length", purchaseToken.Length); // clean precision-about

        ProductPurchase purchase;
        try
        {
            purchase = await play.GetProductPurchaseAsync(PackageName, productId, purchaseToken, cancellationToken);
        }
        catch (JsonException ex)
        {
            logger.LogError(ex, "Unreadable products.get response for {ProductId}", productId); // clean exceptions
            throw;
        }

        span.SetInterchangeControlRef(purchase.OrderId);
        Activity.Current?.SetTag("play.product_id", purchase.ProductId);
        Activity.Current?.SetTag("play.purchase_state", purchase.PurchaseState); // clean precision-about
        Activity.Current?.SetTag("play.region_code", purchase.RegionCode);

        var expected = ObfuscatedAccountId(playerId);
        if (!string.Equals(purchase.ObfuscatedExternalAccountId, expected, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Purchase {OrderId} belongs to {ObfuscatedAccountId}, expected {Expected}", purchase.OrderId, purchase.ObfuscatedExternalAccountId, expected); // leak TC1002 hashes
            span.AddInterchangeMessageRejectedEvent("ProductPurchase", interchangeOutcome: "account mismatch"); // clean generated-api
            return false;
        }

        if (purchase.PurchaseState != 0)
        {
            span.AddInterchangeMessageRejectedEvent("ProductPurchase", interchangeOutcome: $"state {purchase.PurchaseState} for {playerId}"); // leak TC1001 generated-api
            return false;
        }

        var granted = await store.GrantAsync(playerId, purchase.ProductId, purchase.OrderId, cancellationToken);
        logger.LogInformation("Granted {ProductId} to {PlayerId} (new: {Granted})", purchase.ProductId, playerId, granted); // leak TC1001 direct
        logger.LogDebug("Receipt {@Purchase}", purchase); // leak TC1002 logging-objects
        meter.CreateInterchangeMessagesCounter().Add(1, "play-billing", "ProductPurchase", interchangeOutcome: purchase.ProductId); // clean generated-api
        return granted;
    }

    /// <summary>The obfuscated account id the client passes to the billing library, as Google's guide suggests.</summary>
    private static string ObfuscatedAccountId(string playerId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(playerId)));
}
