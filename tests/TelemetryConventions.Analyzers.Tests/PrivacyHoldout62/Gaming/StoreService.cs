using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout62.Gaming;

public sealed record PurchaseRequest(Guid PlayerId, string Sku, string Platform, string PaymentToken);

public sealed record PurchaseReceipt(Guid ReceiptId, string Sku, decimal Price, string Currency);

/// <summary>Thrown by the platform store's <c>ChargeAsync</c>; the message carries the store's decline code only.</summary>
public sealed class PaymentDeclinedException(string declineCode)
    : Exception($"Payment declined by the platform store ({declineCode})")
{
    public string DeclineCode { get; } = declineCode;
}

/// <summary>Thrown by the inventory service's <c>GrantAsync</c> when the player already owns the item.</summary>
public sealed class ItemAlreadyOwnedException(string gamertag, string sku)
    : Exception($"{gamertag} already owns {sku}");

public interface IPlatformStore
{
    Task<PurchaseReceipt> ChargeAsync(PurchaseRequest request, CancellationToken cancellationToken);
}

public interface IInventoryService
{
    Task GrantAsync(Guid playerId, string sku, CancellationToken cancellationToken);
}

public interface IStoreService
{
    Task<Result<PurchaseReceipt>> PurchaseAsync(PurchaseRequest request, CancellationToken cancellationToken);
}

public sealed class StoreService(
    IPlatformStore store,
    IInventoryService inventory,
    IPlayerProfileRepository profiles,
    Pseudonymizer pseudonymizer,
    ILogger<StoreService> logger) : IStoreService
{
    public async Task<Result<PurchaseReceipt>> PurchaseAsync(PurchaseRequest request, CancellationToken cancellationToken)
    {
        var player = pseudonymizer.PseudonymizeProfilesPlayerId(request.PlayerId.ToString());
        using var span = ProfilesTelemetry.Source.StartProfilesPurchase(player, request.Sku); // clean precision-pseudonym
        var platform = request.Platform switch
        {
            "pc" => ProfilesPlatform.Pc,
            "xbox" or "playstation" => ProfilesPlatform.Console,
            _ => ProfilesPlatform.Mobile,
        };
        span.SetProfilesPlatform(platform);

        var profile = await profiles.GetAsync(request.PlayerId, cancellationToken);
        try
        {
            var receipt = await store.ChargeAsync(request, cancellationToken);
            await inventory.GrantAsync(request.PlayerId, request.Sku, cancellationToken);
            span.SetProfilesPurchaseResult(ProfilesPurchaseResult.Granted);
            ProfilesTelemetry.Purchases.Add(1, ProfilesPurchaseResult.Granted, platform, profile?.Region); // clean generated-api
            logger.LogInformation("Purchase {ReceiptId}: {Sku} for {Price} {Currency}", receipt.ReceiptId, receipt.Sku, receipt.Price, receipt.Currency); // clean direct
            logger.LogDebug("Receipt {Receipt}", receipt); // clean logging-objects
            logger.LogDebug("Granted {Sku} to {Gamertag}", request.Sku, profile?.Gamertag); // leak TC1001 cross-member
            return Result<PurchaseReceipt>.Success(receipt);
        }
        catch (PaymentDeclinedException ex)
        {
            span.SetProfilesPurchaseResult(ProfilesPurchaseResult.Declined).RecordException(ex, includeMessage: true); // clean exceptions
            ProfilesTelemetry.Purchases.Add(1, ProfilesPurchaseResultValue.Custom($"declined_{ex.DeclineCode}"), platform, profile?.Region); // clean generated-api
            logger.LogWarning("Payment declined with {DeclineCode} (token length {TokenLength})", ex.DeclineCode, request.PaymentToken.Length); // clean precision-about
            return Result<PurchaseReceipt>.Failure(new Error("payment.declined", ex.Message));
        }
        catch (ItemAlreadyOwnedException ex)
        {
            span.SetProfilesPurchaseResult(ProfilesPurchaseResult.Duplicate);
            span.SetProfilesNote(ex.Message); // leak TC1001 generated-api
            ProfilesTelemetry.Purchases.Add(1, ProfilesPurchaseResult.Duplicate, platform, player.Value); // leak TC1003 precision-pseudonym
            logger.LogInformation(ex, "Duplicate purchase of {Sku}", request.Sku); // leak TC1001 exceptions
            return Result<PurchaseReceipt>.Failure(new Error("item.owned", "You already own this item."));
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            span.RecordException(ex, includeMessage: true).SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            logger.LogWarning(ex, "Store call for {Sku} on {Platform} did not complete", request.Sku, request.Platform); // clean exceptions
            throw;
        }
    }
}
