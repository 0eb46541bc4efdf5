using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout32.Support.Notifications;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Retail;

public sealed record ReadyOrder(Guid OrderId, string StoreId, string CustomerId, string FirstName, string? Phone, string Email, string? LoyaltyCardNumber, DateTimeOffset SlotStart);

public sealed class UncollectedOrderException(Guid orderId, string storeId, int days)
    : Exception($"Order {orderId} uncollected at {storeId} after {days} days");

public interface IRefundGateway
{
    Task RefundUncollectedAsync(Guid orderId, CancellationToken cancellationToken);
}

/// <summary>Tells the customer their order is ready, and refunds orders nobody collected within seven days.</summary>
public sealed partial class CollectionReadyNotifier(ISmsClient sms, IRefundGateway refunds, Pseudonymizer pseudonymizer, ILogger<CollectionReadyNotifier> logger)
{
    public async Task NotifyAsync(ReadyOrder order, CancellationToken cancellationToken)
    {
        var span = new BookingReserveSpan(Activity.Current);
        Activity.Current?.SetTag("notify.has_phone", order.Phone is not null); // clean precision-names
        if (order.Phone is null)
        {
            LogEmailOnly(logger, order.OrderId, order.Email); // clean direct
            return;
        }

        var body = $"{order.FirstName}, your order is ready to collect from {order.SlotStart:HH:mm} today. Bring your order number.";
        try
        {
            var receipt = await sms.SendAsync(new SmsMessage(order.Phone, "SHOP", body), cancellationToken);
            logger.LogInformation("Ready SMS {Sid} for order {OrderId} sent to {Phone}", receipt.Sid, order.OrderId, order.Phone); // leak TC1001 direct
            logger.LogBookingReminderSentEvent("sms", pseudonymizer.PseudonymizeBookingSubjectId(order.CustomerId), bookingNote: "ready-to-collect"); // clean precision-pseudonym
        }
        catch (SmsApiException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("notify.error_code", ex.Code); // clean exceptions
        }

        if (order.LoyaltyCardNumber is { } card)
        {
            LogLoyaltyNudge(logger, order.OrderId, card); // leak TC1001 direct
            Activity.Current?.SetTag("loyalty.ref", Convert.ToBase64String(Encoding.UTF8.GetBytes(card))); // leak TC1001 hashes
        }
    }

    public async Task RefundIfUncollectedAsync(ReadyOrder order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var days = (int)(now - order.SlotStart).TotalDays;
        if (days < 7)
        {
            return;
        }

        await refunds.RefundUncollectedAsync(order.OrderId, cancellationToken);
        var ex = new UncollectedOrderException(order.OrderId, order.StoreId, days);
        logger.LogWarning(ex, "Refunded an uncollected order"); // clean exceptions
        logger.LogInformation("No-show customer {Customer} refunded", pseudonymizer.ComputeBookingSubjectId(order.CustomerId)); // clean precision-pseudonym
        logger.LogInformation("No-show customer {CustomerId} refunded", order.CustomerId); // leak TC1001 direct
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Order {OrderId} ready; email only to {Email}")]
    private static partial void LogEmailOnly(ILogger logger, Guid orderId, [PrivateData] string email);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Debug, Message = "Order {OrderId}: loyalty points nudge for card {LoyaltyCard}")]
    private static partial void LogLoyaltyNudge(ILogger logger, Guid orderId, string loyaltyCard);
}
