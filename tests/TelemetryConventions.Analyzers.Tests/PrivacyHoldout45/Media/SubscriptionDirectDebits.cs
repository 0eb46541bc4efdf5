using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Support.DirectDebit;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Media;

// Monthly subscriptions paid by direct debit. The bureau sends webhooks for mandate and payment
// events; payments Bacs returns unpaid (ARUDD) start the dunning path, which retries the collection
// and emails the subscriber before the account is suspended.

public sealed record Subscriber(Guid SubscriberId, string Email, string Plan, BankDetails Bank, string MandateId);

public sealed record DirectDebitWebhook(string EventId, string ResourceType, string Action, string? MandateId, string? PaymentId, string Cause, string Description);

public interface ISubscribers
{
    Task<Subscriber?> FindByMandateAsync(string mandateId, CancellationToken cancellationToken);
}

public interface IDunningMailer
{
    Task SendAsync(string email, string template, CancellationToken cancellationToken);
}

public sealed class DirectDebitWebhookHandler(
    ISubscribers subscribers,
    IDirectDebitClient directDebits,
    IDunningMailer mailer,
    TelemetrySecrets secrets,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<DirectDebitWebhookHandler> logger)
{
    private static readonly ActivitySource Source = new("Billing.DirectDebit");
    private readonly Counter<long> _returns = meter.CreateCounter<long>("billing.directdebit.returns");

    public async Task HandleAsync(string rawBody, IReadOnlyList<DirectDebitWebhook> events, CancellationToken cancellationToken)
    {
        // The bureau's webhooks carry ids of events, mandates and payments and a fixed description.
        logger.LogDebug("Webhook received: {Body}", rawBody); // clean precision-about

        foreach (var webhook in events)
        {
            using var activity = Source.StartActivity("directdebit.webhook");
            activity?.SetTag("directdebit.event.id", webhook.EventId); // clean precision-about
            activity?.SetTag("directdebit.event.cause", webhook.Cause); // clean precision-about

            if (webhook.MandateId is null || await subscribers.FindByMandateAsync(webhook.MandateId, cancellationToken) is not { } subscriber)
            {
                continue;
            }

            activity?.SetTag("subscription.plan", subscriber.Plan); // clean precision-names
            activity?.SetTag("subscription.subscriber_ref", pseudonymizer.ComputeLendingBorrowerId(subscriber.SubscriberId.ToString())); // clean precision-pseudonym

            if (webhook is { ResourceType: "payments", Action: "failed", PaymentId: { } paymentId })
            {
                var unpaid = new CollectionReturn(paymentId, webhook.MandateId, webhook.Cause, webhook.Description);
                logger.LogWarning("Collection returned unpaid: {@Return}", unpaid); // clean logging-objects
                _returns.Add(1, new KeyValuePair<string, object?>("directdebit.reason_code", unpaid.ReasonCode)); // clean precision-about

                // Retries are spread over four lanes so that one bank's returns do not all retry together.
                var lane = HMACSHA256.HashData(secrets.ShardKey, subscriber.SubscriberId.ToByteArray())[0] & 3;
                activity?.SetTag("dunning.retry.lane", lane); // clean hashes
                await mailer.SendAsync(subscriber.Email, "payment-failed", cancellationToken);
                logger.LogInformation("Dunning email 'payment-failed' sent to {Email}", subscriber.Email); // leak TC1001 direct
                meter.CreateLendingCollectionStepsCounter().Add(1, lendingProduct: "subscription", lendingOutcome: "retry-scheduled"); // clean generated-api
            }
            else if (webhook is { ResourceType: "mandates", Action: "cancelled" })
            {
                logger.LogInformation("Mandate {MandateId} cancelled by {AccountHolder}'s bank", webhook.MandateId, subscriber.Bank.AccountHolderName); // leak TC1001 cross-member

                // Billing keeps one active subscription per bank account; the key finds duplicates across mandates.
                var bankAccountKey = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(subscriber.Bank.SortCode + subscriber.Bank.AccountNumber)));
                activity?.SetTag("directdebit.bank_account.key", bankAccountKey); // leak TC1002 hashes
                logger.LogLendingCollectionStepEvent("mandate-cancelled", lendingBorrowerId: pseudonymizer.PseudonymizeLendingBorrowerId(subscriber.SubscriberId.ToString()), lendingNote: $"{subscriber.Plan} suspended pending a new mandate"); // clean generated-api
                logger.LogLendingCollectionStepEvent("mandate-cancelled", lendingNote: $"ask {subscriber.Email} for a new mandate"); // leak TC1001 generated-api
                await directDebits.CancelMandateAsync(webhook.MandateId, cancellationToken);
            }
        }
    }
}
