using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using PrivacyHoldout17.Telemetry;
using Stripe;
using TelemetryConventions;

namespace PrivacyHoldout17.Media;

public sealed record Subscriber(Guid SubscriberId, string ProfileName, string Plan, string Country);

public interface ISubscribers
{
    Task<Subscriber?> FindByStripeCustomerAsync(string stripeCustomerId, CancellationToken cancellationToken);
}

/// <summary>
/// Handles <c>invoice.payment_failed</c> for streaming subscriptions: pays the invoice again with
/// the default card through a retry pipeline and records the dunning state.
/// </summary>
public sealed class SubscriptionRenewalWorker
{
    private static readonly ActivitySource Source = new("Streaming.Billing.Renewals");
    private static readonly ResiliencePropertyKey<string> SubscriberKey = new("subscriber.id");
    private static readonly ResiliencePropertyKey<string> SubscriberRefKey = new("subscriber.ref");
    private static readonly ResiliencePropertyKey<string> InvoiceKey = new("invoice.id");

    private readonly InvoiceService _invoices;
    private readonly ISubscribers _subscribers;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<SubscriptionRenewalWorker> _logger;
    private readonly ResiliencePipeline _pipeline;

    public SubscriptionRenewalWorker(InvoiceService invoices, ISubscribers subscribers, Pseudonymizer pseudonymizer, ILogger<SubscriptionRenewalWorker> logger)
    {
        _invoices = invoices;
        _subscribers = subscribers;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 3, Delay = TimeSpan.FromSeconds(5), OnRetry = OnRetryAsync })
            .Build();
    }

    private ValueTask OnRetryAsync(OnRetryArguments<object> args)
    {
        args.Context.Properties.TryGetValue(InvoiceKey, out var invoiceId);
        args.Context.Properties.TryGetValue(SubscriberKey, out var subscriberId);
        args.Context.Properties.TryGetValue(SubscriberRefKey, out var subscriberRef);

        // Paying an invoice fails with Stripe's card texts ("Your card was declined.") or a rate limit.
        _logger.LogWarning(args.Outcome.Exception, "Retry {Attempt} paying invoice {InvoiceId} in {Delay}", args.AttemptNumber, invoiceId, args.RetryDelay); // clean exceptions
        _logger.LogWarning("Retry {Attempt} for subscriber {SubscriberRef}", args.AttemptNumber, subscriberRef); // clean precision-pseudonym
        _logger.LogDebug("Retry {Attempt} for subscriber {SubscriberId}", args.AttemptNumber, subscriberId); // leak TC1001 cross-member
        return ValueTask.CompletedTask;
    }

    public async Task HandlePaymentFailedAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        var subscriber = await _subscribers.FindByStripeCustomerAsync(invoice.CustomerId!, cancellationToken);
        if (subscriber is null)
        {
            _logger.LogWarning("No subscriber for Stripe customer {StripeCustomerId}", invoice.CustomerId); // leak TC1001 direct
            return;
        }

        var account = _pseudonymizer.PseudonymizeDunningAccountId(subscriber.SubscriberId.ToString());
        using var span = Source.StartDunningRetry($"attempt-{invoice.AttemptCount}").SetDunningAccountId(account).SetDunningAttempt(invoice.AttemptCount); // clean precision-pseudonym
        // The Stripe account numbers invoices sequentially across the account (STRM-000123), not per customer.
        span.Activity?.SetTag("invoice.number", invoice.Number); // clean precision-names
        span.Activity?.SetTag("invoice.customer_email", invoice.CustomerEmail); // leak TC1001 direct
        span.Activity?.SetTag("invoice.next_attempt", invoice.NextPaymentAttempt?.ToString("O")); // clean precision-about

        var context = ResilienceContextPool.Shared.Get("invoice.pay", cancellationToken);
        context.Properties.Set(InvoiceKey, invoice.Id);
        context.Properties.Set(SubscriberKey, subscriber.SubscriberId.ToString());
        context.Properties.Set(SubscriberRefKey, _pseudonymizer.ComputeBillingPayerId(subscriber.SubscriberId.ToString()));
        try
        {
            var paid = await _pipeline.ExecuteAsync(async ctx => await _invoices.PayAsync(invoice.Id, null, ctx.CancellationToken), context);
            span.SetDunningNote($"paid on attempt {invoice.AttemptCount + 1}, {paid.AmountPaid} {paid.Currency}"); // clean generated-api
        }
        catch (StripeException ex) when (ex.StripeError?.Type == "card_error")
        {
            span.AddDunningRetryFailedEvent(ex.StripeError.DeclineCode ?? ex.StripeError.Code ?? "card_error", invoice.AttemptCount, account); // clean generated-api
            if (invoice.NextPaymentAttempt is null)
            {
                span.SetDunningNote($"retries exhausted, cancelling {subscriber.ProfileName}'s plan"); // leak TC1001 generated-api
                _logger.LogInformation("Cancelling subscription {SubscriptionId} on plan {Plan} after {Attempts} attempts", invoice.SubscriptionId, subscriber.Plan, invoice.AttemptCount); // clean precision-names
            }
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
