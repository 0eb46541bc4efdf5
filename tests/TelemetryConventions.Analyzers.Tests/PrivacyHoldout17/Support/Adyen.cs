using System.Collections.Generic;

namespace Adyen.Model.Notification
{
    // Stand-ins for the shapes of Adyen's standard webhook (notification) models.

    public sealed class NotificationRequest
    {
        public string Live { get; set; } = "false";

        public List<NotificationRequestItemContainer> NotificationItemContainers { get; set; } = new();
    }

    public sealed class NotificationRequestItemContainer
    {
        public NotificationRequestItem NotificationItem { get; set; } = new();
    }

    public sealed class Amount
    {
        public string Currency { get; set; } = "EUR";

        public long Value { get; set; }
    }

    public sealed class NotificationRequestItem
    {
        public string EventCode { get; set; } = string.Empty;

        public string PspReference { get; set; } = string.Empty;

        public string? OriginalReference { get; set; }

        public string MerchantAccountCode { get; set; } = string.Empty;

        /// <summary>The merchant's reference of the payment (the shop's order or purchase number).</summary>
        public string MerchantReference { get; set; } = string.Empty;

        public Amount Amount { get; set; } = new();

        public bool Success { get; set; }

        /// <summary>Why a payment was refused, or a chargeback's scheme reason text.</summary>
        public string? Reason { get; set; }

        public string? PaymentMethod { get; set; }

        /// <summary>
        /// Extra fields the merchant enabled: <c>shopperReference</c>, <c>shopperEmail</c>, <c>cardSummary</c> (last four),
        /// <c>cardBin</c>, <c>cardHolderName</c>, <c>alias</c> (a card alias, the same for every payment with the card),
        /// <c>expiryDate</c>, <c>authCode</c>, <c>chargebackReasonCode</c>, <c>hmacSignature</c>.
        /// </summary>
        public Dictionary<string, string> AdditionalData { get; set; } = new();
    }
}

namespace Adyen.Util
{
    using Adyen.Model.Notification;

    public sealed class HmacValidator
    {
        /// <summary>Checks <c>additionalData["hmacSignature"]</c>: an HMAC-SHA256 of the item's fields with the webhook's HMAC key.</summary>
        public bool IsValidHmac(NotificationRequestItem notificationRequestItem, string key) => key.Length > 0;
    }
}
