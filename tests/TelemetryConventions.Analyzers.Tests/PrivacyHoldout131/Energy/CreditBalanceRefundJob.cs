namespace PrivacyHoldout131.Energy;

public sealed record CreditBalance(string AccountNumber, string Mpan, string MeterSerial, decimal Balance, string? DirectDebitPaymentId, BankDetails? RefundBank, string Tariff);

public interface ICreditBalanceSource
{
    IAsyncEnumerable<CreditBalance> DueForRefundAsync(decimal threshold, CancellationToken cancellationToken);
}

/// <summary>Monthly: refunds credit balances above the threshold to the last direct debit or the customer's bank.</summary>
public sealed class CreditBalanceRefundJob(
    ICreditBalanceSource balances,
    IRefundGateway gateway,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CreditBalanceRefundJob> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Billing.CreditRefunds");
    private static readonly Meter Meter = new("Supplier.Billing.CreditRefunds");
    private static readonly Counter<long> Skipped = Meter.CreateCounter<long>("billing.credit_refunds.skipped");
    private readonly SupplycompRefundsCounter _refunds = Meter.CreateSupplycompRefundsCounter();

    public async Task RunAsync(decimal threshold, CancellationToken ct)
    {
        var refunded = 0;
        await foreach (var balance in balances.DueForRefundAsync(threshold, ct))
        {
            using var span = Source.StartSupplycompCase($"CR-{DateTime.UtcNow:yyyyMM}-{refunded}");
            span.SetSupplycompClaimantId(pseudonymizer.PseudonymizeSupplycompClaimantId(balance.AccountNumber)); // clean precision-pseudonym
            span.SetSupplycompAmount((double)balance.Balance); // clean precision-about
            Activity.Current?.SetTag("meter.mpan_prefix", balance.Mpan[..2]); // clean precision-about
            Activity.Current?.SetTag("meter.serial", balance.MeterSerial); // leak TC1001 direct
            Activity.Current?.SetTag("billing.tariff", balance.Tariff); // clean precision-names

            if (balance.DirectDebitPaymentId is null && balance.RefundBank is null)
            {
                Skipped.Add(1, new KeyValuePair<string, object?>("reason", "no-refund-route")); // clean precision-names
                logger.LogWarning("No refund route for account {AccountNumber}", balance.AccountNumber); // leak TC1001 direct
                continue;
            }

            try
            {
                var result = balance.RefundBank is { } bank
                    ? await gateway.PayoutAsync(bank, balance.Balance, $"CREDIT {balance.AccountNumber}", ct)
                    : await gateway.RefundAsync(new RefundRequest(balance.DirectDebitPaymentId!, balance.Balance, "GBP", RefundDestination.OriginalPayment, $"CREDIT {balance.AccountNumber}", new Dictionary<string, string>()), ct);
                logger.LogInformation("Credit refund {Result}", result); // clean logging-objects
                _refunds.Add(1, balance.Tariff, result.Status); // clean generated-api
                _refunds.Add(1, balance.RefundBank is null ? "direct-debit" : "bank-transfer", "refunded"); // clean generated-api
                refunded++;
            }
            catch (PayoutRejectedException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, $"Payout rejected: {ex.ReasonCode}"); // clean exceptions
                Activity.Current?.AddException(ex); // leak TC1001 exceptions
                var shard = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(balance.AccountNumber)))[..8];
                logger.LogWarning("Rejected payout queued for review in shard {Shard}", shard); // leak TC1002 hashes
            }
        }

        logger.LogInformation("Credit balance refunds done: {Refunded} refunded", refunded); // clean precision-about
    }
}
