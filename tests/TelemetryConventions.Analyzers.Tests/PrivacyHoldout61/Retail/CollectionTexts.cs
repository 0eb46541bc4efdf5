using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout61.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout61.Retail;

/// <summary>The SMS provider's refusal. Its message is the provider's text: for error 21211 it quotes the number ("The 'To' number +447700900123 is not a valid phone number.").</summary>
public sealed class SmsRejectedException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}

public interface ISmsProvider
{
    Task<string> SendAsync(string requestJson, CancellationToken cancellationToken);
}

/// <summary>Click-and-collect texts: order ready, reminders, and the tracking link.</summary>
public sealed class CollectionTexts(ILogger<CollectionTexts> logger, Pseudonymizer pseudonymizer, ISmsProvider sms)
{
    private static readonly ActivitySource Source = new("Shop.Collection");
    private static readonly Regex Placeholder = new(@"\{\{\s*(\w+)\s*\}\}", RegexOptions.Compiled);
    private const string ReadyTemplate = "Hi {{name}}, order {{order}} is ready at {{store}}. Show this text at the desk.";
    private const string ReminderTemplate = "Order {{order}} is still waiting at {{store}} and will be returned in {{days}} days.";

    private string? _lastRecipient;

    public async Task ReadyAsync(Order order, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity($"collection.ready {order.StoreCode}"); // clean precision-names
        var values = new Dictionary<string, string>
        {
            ["name"] = order.CustomerName.Split(' ')[0],
            ["order"] = order.OrderId,
            ["store"] = order.StoreCode,
        };
        var text = Placeholder.Replace(ReadyTemplate, m => values[m.Groups[1].Value]);
        activity?.SetTag("collection.sms.template", ReadyTemplate); // clean strings
        activity?.SetTag("collection.sms.text", text); // leak TC1001 strings
        activity?.SetTag("collection.sms.segments", (text.Length + 152) / 153); // clean precision-about
        TagRecipient(activity, order.Phone); // leak TC1001 cross-member
        _lastRecipient = order.Phone;

        var payload = $$"""
            {"to":"{{order.Phone}}","from":"ShopCo","body":{{JsonSerializer.Serialize(text)}}}
            """;
        logger.LogTrace("SMS provider request {Payload}", payload); // leak TC1001 strings

        try
        {
            var sid = await sms.SendAsync(payload, cancellationToken);
            activity?.SetTag("collection.sms.sid", sid); // clean precision-names
            logger.LogReceiptsSentEvent(order.OrderId, ReceiptsChannel.Sms, receiptsCustomerId: pseudonymizer.PseudonymizeReceiptsCustomerId(order.CustomerNumber), receiptsNote: "collection ready"); // clean precision-pseudonym
        }
        catch (SmsRejectedException ex) when (ex.Code == 21211)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogReceiptsSentEvent(order.OrderId, ReceiptsChannel.Sms, receiptsNote: $"rejected {ex.Code}: invalid number ending {order.Phone[^3..]}"); // clean precision-about
        }
        catch (SmsRejectedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, FormattableString.Invariant($"SMS provider error {ex.Code}")); // clean exceptions
        }
    }

    public void Remind(Order order, int daysLeft)
    {
        using var activity = Source.StartActivity("collection.reminder");
        var text = Placeholder.Replace(ReminderTemplate, m => m.Groups[1].Value switch
        {
            "order" => order.OrderId,
            "store" => order.StoreCode,
            "days" => daysLeft.ToString(CultureInfo.InvariantCulture),
            _ => string.Empty,
        });
        activity?.SetTag("collection.sms.text", text); // clean strings
        logger.LogInformation("Reminder for {Customer}: {Text}", pseudonymizer.ComputeReceiptsCustomerId(order.CustomerNumber), text); // clean precision-pseudonym
        logger.LogInformation("Reminder for {Customer}: {Text}", order.CustomerNumber.PadLeft(10, '0'), text); // leak TC1001 direct
        logger.LogDebug("Previous collection text went to {Recipient}", _lastRecipient); // leak TC1001 cross-member
    }

    public Uri TrackingLink(Order order)
    {
        var postcode = order.DeliveryPostcode.Replace(" ", string.Empty).ToUpperInvariant();
        var tracking = new UriBuilder("https://shopco.example/track") { Query = $"order={order.OrderId}&postcode={postcode}" }.Uri;
        logger.LogInformation("Tracking link {Url}", tracking); // leak TC1001 strings
        var shareable = new UriBuilder("https://shopco.example/track") { Query = $"order={order.OrderId}" }.Uri;
        logger.LogInformation("Tracking link {Url}", shareable); // clean precision-names
        logger.LogInformation("Tracking link for district {District}", postcode[..^3]); // clean precision-about
        return tracking;
    }

    private static void TagRecipient(Activity? activity, string phone) =>
        activity?.SetTag("collection.sms.to", phone.Replace(" ", string.Empty)); // leak TC1001 direct
}
