using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout15.Support;
using PrivacyHoldout15.Support.Twilio;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Retail;

public sealed record OrderPlaced(string OrderNumber, string CustomerNumber, string CustomerEmail, string? CustomerPhone, string FirstName, decimal Total, int Lines, string DeliveryPostcode);

public sealed record ShipmentUpdate(string OrderNumber, string CustomerNumber, string Phone, string Carrier, string TrackingNumber, string Status, DateTimeOffset EstimatedDelivery);

public interface IEmailSender
{
    Task SendEmailAsync(string email, string subject, string htmlMessage);
}

/// <summary>The shop's suppression check; it throws when an address has bounced or complained.</summary>
public sealed class SuppressedRecipientException(string email) : Exception($"Recipient {email} is on the suppression list")
{
    public string Email { get; } = email;
}

public sealed class OrderConfirmationSender(IEmailSender email, ITemplateRenderer templates, Pseudonymizer pseudonymizer, ILogger<OrderConfirmationSender> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Shop.Notifications");
    private readonly Counter<long> _confirmations = meter.CreateCounter<long>("shop.confirmations", "{email}");

    public async Task SendAsync(OrderPlaced order, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = order.OrderNumber, ["CustomerEmail"] = order.CustomerEmail }); // leak TC1001 logging-objects
        using var send = Source.StartNotifySend(NotifyChannel.Email)
            .SetNotifyRecipientId(pseudonymizer.PseudonymizeNotifyRecipientId(order.CustomerNumber)) // clean precision-pseudonym
            .SetNotifyTemplateId("order-confirmation");

        var html = await templates.RenderAsync("Orders/Confirmation", order);
        var subject = $"Order {order.OrderNumber} confirmed";
        try
        {
            await email.SendEmailAsync(order.CustomerEmail, subject, html);
            logger.LogInformation("Confirmation '{Subject}' sent ({Lines} lines, {Total:C})", subject, order.Lines, order.Total); // clean strings
            logger.LogInformation("Confirmation sent to {Email}", order.CustomerEmail); // leak TC1001 direct
            _confirmations.Add(1, new KeyValuePair<string, object?>("status", "sent"), new KeyValuePair<string, object?>("has_phone", order.CustomerPhone is not null)); // clean precision-about
        }
        catch (SuppressedRecipientException ex)
        {
            send.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogNotifyDeliveryFailedEvent(NotifyChannel.Email, ex.Message); // leak TC1001 generated-api
            send.SetNotifyDetail("suppressed");
            logger.LogInformation("Confirmation for order {OrderNumber} suppressed", order.OrderNumber); // clean precision-names
        }
    }
}

/// <summary>Texts delivery updates from the carriers' tracking feed.</summary>
public sealed class ShipmentSmsNotifier(ITwilioRestClient twilio, Pseudonymizer pseudonymizer, ILogger<ShipmentSmsNotifier> logger, Meter meter)
{
    private readonly Counter<long> _texts = meter.CreateCounter<long>("shop.shipment.texts", "{message}");

    public async Task NotifyAsync(ShipmentUpdate update, CancellationToken cancellationToken)
    {
        var body = update.Status switch
        {
            "out_for_delivery" => $"Your order {update.OrderNumber} is out for delivery with {update.Carrier}. Track: https://track.example/{update.TrackingNumber}",
            "delivered" => $"Your order {update.OrderNumber} was delivered.",
            _ => null,
        };
        if (body is null)
        {
            return;
        }

        var activity = Activity.Current.EnrichNotifySend(NotifyChannel.Sms).SetNotifyProvider("twilio"); // clean precision-names
        activity.SetNotifyRecipientId(pseudonymizer.PseudonymizeNotifyRecipientId(update.CustomerNumber)); // clean precision-pseudonym
        activity.Activity?.SetTag("shipment.tracking", update.TrackingNumber); // clean precision-names
        activity.Activity?.SetTag(NotifyAttributes.RecipientAddress, update.Phone); // leak TC1001 generated-api
        try
        {
            var message = await MessageResource.CreateAsync(to: update.Phone, from: "+441234567890", body: body, client: twilio);
            activity.SetNotifyMessageId(message.Sid).SetNotifyStatus(message.Status.ToString()); // clean precision-names
            _texts.Add(1, new KeyValuePair<string, object?>("carrier", update.Carrier), new KeyValuePair<string, object?>("status", update.Status)); // clean precision-names
            if (message.ErrorCode is not null)
            {
                logger.LogWarning("Twilio accepted {Sid} with error {ErrorCode}: {ErrorMessage}", message.Sid, message.ErrorCode, message.ErrorMessage); // clean exceptions
            }
        }
        catch (ApiException ex)
        {
            logger.LogWarning(ex, "Shipment text for order {OrderNumber} failed with {Code}", update.OrderNumber, ex.Code); // leak TC1001 exceptions
            _texts.Add(1, new KeyValuePair<string, object?>("carrier", update.Carrier), new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeNotifyRecipientId(update.CustomerNumber))); // leak TC1003 precision-pseudonym
        }
    }
}
