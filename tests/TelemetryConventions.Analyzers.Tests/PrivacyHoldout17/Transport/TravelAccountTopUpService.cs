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

namespace PrivacyHoldout17.Transport;

/// <summary>A rider's travel account with auto top-up from a saved card.</summary>
public sealed record TravelAccount(string RiderId, string TravelCardNumber, string Email, string Tier, string StripeCustomerId, string StripePaymentMethodId, long TopUpPence);

public sealed class TopUpLimitException(string travelCardNumber, long todayPence)
    : Exception($"Travel card {travelCardNumber} reached the daily top-up limit ({todayPence}p)");

/// <summary>Tops up travel accounts whose balance fell under the threshold, off-session with the saved card.</summary>
public sealed class TravelAccountTopUpService(
    PaymentIntentService intents,
    TimeProvider clock,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<TravelAccountTopUpService> logger)
{
    private static readonly ActivitySource Source = new("Transit.Accounts.TopUp");

    private readonly Counter<long> _topUps = meter.CreateCounter<long>("travel.topups", "{topup}");

    public async Task AutoTopUpAsync(TravelAccount account, long todayPence, CancellationToken cancellationToken)
    {
        using var span = Source.StartBillingCharge("stripe", "travel.autotopup").SetBillingPayerId(pseudonymizer.PseudonymizeBillingPayerId(account.RiderId)).SetBillingAmount(account.TopUpPence).SetBillingCurrency("GBP"); // clean precision-pseudonym
        span.Activity?.SetTag("travel.card_number", account.TravelCardNumber); // leak TC1001 direct
        span.Activity?.SetTag("travel.payment_method", account.StripePaymentMethodId); // clean precision-names

        // One automatic top-up per card and day, however often the balance check runs.
        var idempotencyKey = $"autotopup:{account.TravelCardNumber}:{clock.GetUtcNow():yyyyMMdd}";
        Activity.Current?.AddBaggage("topup.key", idempotencyKey); // leak TC1001 strings

        try
        {
            if (todayPence + account.TopUpPence > 20_000)
            {
                throw new TopUpLimitException(account.TravelCardNumber, todayPence);
            }

            var intent = await intents.CreateAsync(
                new PaymentIntentCreateOptions { Amount = account.TopUpPence, Currency = "gbp", Customer = account.StripeCustomerId, PaymentMethod = account.StripePaymentMethodId, OffSession = true, Confirm = true },
                new RequestOptions { IdempotencyKey = idempotencyKey },
                cancellationToken);
            span.SetBillingOutcome(intent.Status); // clean generated-api
            _topUps.Add(1, new KeyValuePair<string, object?>("rider.tier", account.Tier), new KeyValuePair<string, object?>("outcome", intent.Status)); // clean precision-names
        }
        catch (StripeException ex) when (ex.StripeError?.Code == "authentication_required")
        {
            // "Your card was declined. This transaction requires authentication."
            span.AddBillingChargeDeclinedEvent(ex.StripeError.Code, ex.Message, pseudonymizer.PseudonymizeBillingPayerId(account.RiderId)); // clean generated-api
            logger.LogInformation("Asking {RiderEmail} to authenticate the top-up", account.Email); // leak TC1001 direct
        }
        catch (TopUpLimitException ex)
        {
            span.SetBillingOutcome(ex.Message); // leak TC1001 generated-api
            logger.LogWarning(ex, "Automatic top-up refused"); // leak TC1001 exceptions
            logger.LogBillingChargeDeclinedEvent("daily_limit", "top-up limit reached", pseudonymizer.PseudonymizeBillingPayerId(account.RiderId)); // clean generated-api
            _topUps.Add(1, new KeyValuePair<string, object?>("travel.card", account.TravelCardNumber[^4..]), new KeyValuePair<string, object?>("outcome", "limit")); // clean precision-about
        }
    }
}
