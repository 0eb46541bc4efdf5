using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout17.Telemetry;
using Stripe;
using TelemetryConventions;

namespace PrivacyHoldout17.Energy;

public sealed record PaymentPlan(Guid PlanId, string AccountNumber, long InstalmentPence, int Missed, string Stage);

public sealed class PaymentPlanBreachedException(string accountNumber, int missed)
    : Exception($"Account {accountNumber} missed {missed} instalments of its payment plan")
{
    public int Missed { get; } = missed;
}

public interface IPaymentPlans
{
    Task<IReadOnlyList<PaymentPlan>> DueAsync(CancellationToken cancellationToken);

    Task CollectAsync(PaymentPlan plan, CancellationToken cancellationToken);
}

/// <summary>Collects instalments of arrears payment plans and hands breached plans to collections.</summary>
public sealed class PaymentPlanWorker(IPaymentPlans plans, Pseudonymizer pseudonymizer, Meter meter, ILogger<PaymentPlanWorker> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Billing.PaymentPlans");

    private readonly Counter<long> _breaches = meter.CreateCounter<long>("billing.payment_plans.breached", "{plan}");

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var plan in await plans.DueAsync(cancellationToken))
        {
            using var span = Source.StartDunningRetry(plan.Stage).SetDunningAccountId(pseudonymizer.PseudonymizeDunningAccountId(plan.AccountNumber)).SetDunningAttempt(plan.Missed + 1); // clean precision-pseudonym
            span.Activity?.SetTag("payment_plan.id", plan.PlanId); // clean precision-names
            try
            {
                await plans.CollectAsync(plan, cancellationToken);
            }
            catch (PaymentPlanBreachedException ex)
            {
                span.SetDunningNote(ex.Message); // leak TC1001 generated-api
                span.RecordException(ex); // clean generated-api
                span.Activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
                logger.LogWarning(ex, "Payment plan {PlanId} breached", plan.PlanId); // leak TC1001 exceptions
                _breaches.Add(1, new KeyValuePair<string, object?>("stage", plan.Stage), new KeyValuePair<string, object?>("missed", ex.Missed)); // clean precision-about
                _breaches.Add(1, new KeyValuePair<string, object?>("account", plan.AccountNumber)); // leak TC1003 direct
            }
        }
    }
}

/// <summary>A top-up of a smart prepayment meter paid by card in the app.</summary>
public sealed record PrepayTopUp(string AccountNumber, string MeterSerial, long AmountPence, string PaymentMethodId, string StripeCustomerId);

public sealed class PrepayTopUpService(PaymentIntentService intents, ILogger<PrepayTopUpService> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Prepay.TopUp");

    public async Task<string> TopUpAsync(PrepayTopUp topUp, Guid requestId, CancellationToken cancellationToken)
    {
        using var span = Source.StartBillingCharge("stripe", "prepay.topup").SetBillingAmount(topUp.AmountPence).SetBillingCurrency("GBP").SetBillingPaymentMethod(BillingPaymentMethod.Card); // clean generated-api
        span.Activity?.SetTag("prepay.meter_serial", topUp.MeterSerial); // leak TC1001 direct
        span.Activity?.SetTag("prepay.meter_model", topUp.MeterSerial[..3]); // clean precision-about
        span.Activity?.SetTag("prepay.request_id", requestId); // clean precision-names

        var intent = await intents.CreateAsync(
            new PaymentIntentCreateOptions
            {
                Amount = topUp.AmountPence,
                Currency = "gbp",
                Customer = topUp.StripeCustomerId,
                PaymentMethod = topUp.PaymentMethodId,
                Confirm = true,
                Metadata = new() { ["account_number"] = topUp.AccountNumber, ["meter_serial"] = topUp.MeterSerial },
            },
            new RequestOptions { IdempotencyKey = requestId.ToString("N") },
            cancellationToken);

        logger.LogInformation("Top-up {PaymentIntentId} for {Metadata}", intent.Id, string.Join(", ", intent.Metadata)); // leak TC1001 logging-objects
        return intent.Id;
    }
}
