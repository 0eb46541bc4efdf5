using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Adyen.Model.Notification;
using Adyen.Util;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout17.Gaming;

public sealed record AdyenWebhookSettings(string HmacKey, string MerchantAccount);

public interface IPurchaseSanctions
{
    Task SuspendPurchasesAsync(string playerId, string reason, CancellationToken cancellationToken);
}

/// <summary>
/// Adyen's standard webhooks for the store. The store sets <c>shopperReference</c> to the player's
/// account id and the merchant reference to the purchase number.
/// </summary>
public sealed class ChargebackNotificationHandler(
    HmacValidator hmacValidator,
    AdyenWebhookSettings settings,
    IPurchaseSanctions sanctions,
    Meter meter,
    ILogger<ChargebackNotificationHandler> logger)
{
    private static readonly ActivitySource Source = new("Game.Store.Adyen");

    private readonly Counter<long> _chargebacks = meter.CreateCounter<long>("store.chargebacks", "{chargeback}");

    public async Task<string> HandleAsync(NotificationRequest notification, CancellationToken cancellationToken)
    {
        foreach (var container in notification.NotificationItemContainers)
        {
            var item = container.NotificationItem;
            if (!hmacValidator.IsValidHmac(item, settings.HmacKey))
            {
                logger.LogWarning("Invalid HMAC on {EventCode} {PspReference}: {Signature}", item.EventCode, item.PspReference, item.AdditionalData.GetValueOrDefault("hmacSignature")); // clean hashes
                continue;
            }

            using var activity = Source.StartActivity("adyen.notification");
            activity?.SetTag("adyen.event_code", item.EventCode);
            activity?.SetTag("adyen.merchant_reference", item.MerchantReference); // clean precision-names

            var shopperReference = item.AdditionalData.GetValueOrDefault("shopperReference");
            activity?.SetTag("adyen.shopper_reference", shopperReference); // leak TC1001 direct
            activity?.SetTag("adyen.card_alias", item.AdditionalData.GetValueOrDefault("alias")); // leak TC1001 direct

            if (item.EventCode is "CHARGEBACK" or "NOTIFICATION_OF_FRAUD")
            {
                var reasonCode = item.AdditionalData.GetValueOrDefault("chargebackReasonCode");
                logger.LogWarning("Chargeback {PspReference} ({ReasonCode}: {Reason}) of {Value} {Currency} on card {CardSummary}", item.PspReference, reasonCode, item.Reason, item.Amount.Value, item.Amount.Currency, item.AdditionalData.GetValueOrDefault("cardSummary")); // clean precision-about
                logger.LogWarning("Chargeback on a card of {CardHolder}, expiry {Expiry}", item.AdditionalData.GetValueOrDefault("cardHolderName"), item.AdditionalData.GetValueOrDefault("expiryDate")); // leak TC1001 direct
                _chargebacks.Add(1, new KeyValuePair<string, object?>("reason_code", reasonCode), new KeyValuePair<string, object?>("card.bin", item.AdditionalData.GetValueOrDefault("cardBin"))); // clean precision-about

                if (shopperReference is not null)
                {
                    TagDisputedPlayer(activity, shopperReference); // leak TC1001 cross-member
                    await sanctions.SuspendPurchasesAsync(shopperReference, $"chargeback {item.PspReference}", cancellationToken);
                    logger.LogInformation("Purchases suspended after chargeback {PspReference} of purchase {PurchaseNumber}", item.PspReference, item.MerchantReference); // clean precision-names
                }
            }
            else if (item.EventCode == "REFUND" && !item.Success)
            {
                // Adyen's refusal reasons are a fixed list ("Refused", "Insufficient balance").
                activity?.SetStatus(ActivityStatusCode.Error, item.Reason); // clean exceptions
            }
        }

        return "[accepted]";
    }

    private static void TagDisputedPlayer(Activity? activity, string playerId)
    {
        activity?.SetTag("player.id", playerId); // leak TC1001 direct
        activity?.SetTag("player.disputed", true); // clean precision-about
    }
}
