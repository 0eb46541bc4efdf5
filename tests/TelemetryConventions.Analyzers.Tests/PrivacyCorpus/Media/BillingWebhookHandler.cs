using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyCorpus.Media;

public sealed record InvoicePaidEvent(string EventId, string SubscriberEmail, string VatNumber, decimal Amount, string Currency, string Plan);

public sealed class WebhookSignatureException(string message) : Exception(message);

public sealed class SubscriptionNotFoundException : Exception
{
    public SubscriptionNotFoundException(string subscriberEmail)
        : base(string.Format("No subscription for {0}", subscriberEmail))
    {
    }
}

internal static partial class BillingLog
{
    [LoggerMessage(EventId = 8100, Level = LogLevel.Information, Message = "Invoice {EventId} paid by {Subscriber}")]
    public static partial void InvoicePaid(ILogger logger, string eventId, [PrivateData] string subscriber);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Invoice paid: {Invoice}")]
    public static partial void InvoicePaidEvent(ILogger logger, InvoicePaidEvent invoice);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "Plan {Plan} renewed, {Amount} {Currency}")]
    public static partial void PlanRenewed(ILogger logger, string plan, decimal amount, string currency);
}

/// <summary>Handles the payment provider's webhooks.</summary>
public sealed class BillingWebhookHandler(ILogger<BillingWebhookHandler> logger, TelemetrySecrets secrets, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Stream.Billing");

    public Task HandleAsync(InvoicePaidEvent paid, string signature)
    {
        using var activity = Source.StartActivity("webhook.invoice_paid", ActivityKind.Server);
        activity?.SetTag("stream.billing.plan", paid.Plan); // clean direct
        activity?.SetTag("stream.billing.event_id", paid.EventId); // clean precision-names
        activity?.SetTag("stream.billing.vat_number", paid.VatNumber); // leak TC1001 precision-names
        BillingLog.InvoicePaid(logger, paid.EventId, paid.SubscriberEmail); // clean logging-objects
        BillingLog.InvoicePaidEvent(logger, paid); // leak TC1001 logging-objects
        BillingLog.PlanRenewed(logger, paid.Plan, paid.Amount, paid.Currency); // clean logging-objects
        using (logger.BeginScope("Webhook for {SubscriberEmail}", paid.SubscriberEmail)) // leak TC1001 logging-objects
        {
            try
            {
                Verify(paid, signature);
                Apply(paid);
            }
            catch (WebhookSignatureException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                activity?.AddException(ex); // clean exceptions
            }
            catch (SubscriptionNotFoundException ex)
            {
                activity?.AddException(ex, new TagList { { "stream.billing.plan", paid.Plan } }); // leak TC1001 exceptions
                logger.LogWarning("Webhook ignored: {Reason}", ex.Message); // leak TC1001 exceptions
                activity?.SetTag("stream.billing.error", ex.GetType().Name); // clean exceptions
            }
        }

        var emailKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(paid.SubscriberEmail.ToLowerInvariant())));
        activity?.SetTag("stream.billing.subscriber_md5", emailKey); // leak TC1002 hashes
        activity?.SetTag("stream.billing.subscriber", pseudonymizer.Compute("stream.subscriber.email", paid.SubscriberEmail)); // clean precision-pseudonym
        return Task.CompletedTask;
    }

    private void Verify(InvoicePaidEvent paid, string signature)
    {
        var expected = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(paid.EventId)));
        if (!string.Equals(expected, signature, StringComparison.OrdinalIgnoreCase))
        {
            throw new WebhookSignatureException("signature mismatch for webhook event");
        }
    }

    private static void Apply(InvoicePaidEvent paid)
    {
        if (paid.Plan == "legacy")
        {
            throw new SubscriptionNotFoundException(paid.SubscriberEmail);
        }
    }
}
