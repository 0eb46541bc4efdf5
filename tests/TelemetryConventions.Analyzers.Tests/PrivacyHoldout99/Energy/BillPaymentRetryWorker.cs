namespace PrivacyHoldout99.Energy;

public sealed record FailedBillPayment(string AccountNumber, string BillNumber, string PaymentMethodId, string CustomerId, long AmountPence, int Attempts, string LastDeclineCode, string HolderEmail);

/// <summary>Retries failed card payments of quarterly bills (on the days the supplier's retry policy allows) and passes the account to collections after the last.</summary>
public sealed class BillPaymentRetryWorker(
    IPaymentIntentClient intents,
    INotifier notifier,
    PaymentOptions options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<BillPaymentRetryWorker> logger)
{
    private static readonly ActivitySource Source = new("Energy.Billing.Retries");
    private static readonly Meter Meter = new("Energy.Billing.Retries");
    private readonly EnergypayPaymentDurationHistogram _duration = Meter.CreateEnergypayPaymentDurationHistogram();
    private static readonly Counter<long> Collections = Meter.CreateCounter<long>("energy.billing.collections.referrals");

    public async Task RetryAsync(IReadOnlyList<FailedBillPayment> due, CancellationToken ct)
    {
        var byDecline = due.GroupBy(d => d.LastDeclineCode).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Retrying {Count} bill payments, by decline code {@ByDecline}", due.Count, byDecline); // clean logging-objects
        var accountsDue = due.Select(d => d.AccountNumber).ToArray();
        logger.LogDebug("Accounts due a retry: {Accounts}", string.Join(";", accountsDue)); // leak TC1001 strings

        foreach (var payment in due)
        {
            using var span = Source.StartEnergypayPayment(payment.BillNumber).SetEnergypayAttempt(payment.Attempts + 1); // clean precision-names
            span.SetEnergypayAccountId(pseudonymizer.PseudonymizeEnergypayAccountId(payment.AccountNumber)); // clean precision-pseudonym
            span.Activity?.SetTag("bill.account.bucket", BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(payment.AccountNumber))) % 64); // clean hashes
            span.Activity?.SetTag("bill.account.digest", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(payment.AccountNumber)))); // leak TC1002 hashes
            span.Activity?.SetTag("bill.payment.ref", $"{payment.AccountNumber}/{payment.BillNumber}"); // leak TC1001 strings
            logger.LogInformation("Retry {BillNumber} last declined with {Decline}", payment.BillNumber, payment.LastDeclineCode); // clean cross-member
            var started = Stopwatch.GetTimestamp();
            try
            {
                var intent = await intents.ConfirmAsync(payment.BillNumber, payment.PaymentMethodId, new RequestOptions { IdempotencyKey = $"{payment.BillNumber}-retry-{payment.Attempts + 1}" }, ct);
                span.SetEnergypayOutcome(intent.Status);
                _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "card", intent.Status); // clean generated-api
            }
            catch (CardDeclinedException ex) when (payment.Attempts + 1 >= options.MaxAttempts)
            {
                span.SetEnergypayOutcome("collections").SetEnergypayDeclineCode(ex.DeclineCode ?? payment.LastDeclineCode); // clean exceptions
                logger.LogWarning("Bill {BillNumber} passed to collections after {Attempts} attempts", payment.BillNumber, payment.Attempts + 1); // clean precision-names
                logger.LogWarning("Account {AccountNumber} passed to collections", payment.AccountNumber); // leak TC1001 direct
                Collections.Add(1, new KeyValuePair<string, object?>("decline_code", ex.DeclineCode)); // clean exceptions
                Collections.Add(1, new KeyValuePair<string, object?>("provider.customer", payment.CustomerId)); // leak TC1003 direct
            }
            catch (CardDeclinedException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                await notifier.EmailAsync(payment.HolderEmail, "bill-payment-retry", new Dictionary<string, string> { ["bill"] = payment.BillNumber }, ct);
                logger.LogInformation("Retry notice for bill {BillNumber} sent to {Email}", payment.BillNumber, payment.HolderEmail); // leak TC1001 direct
                logger.LogEnergypayPaymentFailedEvent(payment.BillNumber, "declined", ex.DeclineCode, pseudonymizer.PseudonymizeEnergypayAccountId(payment.AccountNumber)); // clean precision-pseudonym
            }
            catch (RateLimitException ex)
            {
                logger.LogWarning(ex, "Provider rate-limited the retry run at {BillNumber}", payment.BillNumber); // clean exceptions
                await Task.Delay(options.ProviderTimeout, ct);
            }
        }
    }
}
