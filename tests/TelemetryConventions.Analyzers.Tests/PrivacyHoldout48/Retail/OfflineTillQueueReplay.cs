using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout48.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout48.Retail;

public sealed record QueuedSale(string ReceiptId, string TillId, string StoreNumber, decimal Total, string? LoyaltyNumber, string? CustomerPhone, DateTimeOffset RungAt);

public sealed record ReplayReport(string TillId, int Replayed, int Duplicates, IReadOnlyList<string> FailedReceipts);

public sealed class LoyaltyMemberNotFoundException(string loyaltyNumber)
    : Exception($"No loyalty member with number {loyaltyNumber}.");

public interface ILoyaltyLedger
{
    Task AccruePointsAsync(string loyaltyNumber, decimal total, string receiptId, CancellationToken cancellationToken);
}

public interface ISalesLedger
{
    Task<bool> TryRecordAsync(QueuedSale sale, CancellationToken cancellationToken);
}

/// <summary>Replays the sales a till rang while the store's connection was down.</summary>
public sealed class OfflineTillQueueReplay(
    ISalesLedger sales,
    ILoyaltyLedger loyalty,
    ActivitySource source,
    ILogger<OfflineTillQueueReplay> logger,
    Pseudonymizer pseudonymizer)
{
    public async Task<ReplayReport> ReplayAsync(string tillId, IReadOnlyList<QueuedSale> queue, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("till.replay");
        activity?.SetTag("till.id", tillId); // clean precision-names
        activity?.SetTag("till.queue.length", queue.Count); // clean precision-about
        activity?.SetTag("till.offline_from", queue.Min(s => s.RungAt).ToString("o")); // clean precision-about
        var replayed = 0;
        var duplicates = 0;
        var failed = new List<string>();
        foreach (var sale in queue)
        {
            if (!await sales.TryRecordAsync(sale, cancellationToken))
            {
                duplicates++;
                logger.LogDebug("Duplicate sale skipped: {Sale}", sale); // leak TC1001 logging-objects
                continue;
            }

            replayed++;
            if (sale.LoyaltyNumber is { } loyaltyNumber)
            {
                activity?.SetTag("loyalty.bucket", loyaltyNumber.GetHashCode() % 8); // leak TC1002 hashes
                activity?.SetTag("loyalty.member", pseudonymizer.ComputeSyncAccountId(loyaltyNumber)); // clean precision-pseudonym
                try
                {
                    await loyalty.AccruePointsAsync(loyaltyNumber, sale.Total, sale.ReceiptId, cancellationToken);
                }
                catch (LoyaltyMemberNotFoundException ex)
                {
                    failed.Add(sale.ReceiptId);
                    activity?.AddEvent(new ActivityEvent("loyalty.accrual.failed", tags: new ActivityTagsCollection { ["receipt.id"] = sale.ReceiptId, ["error.message"] = ex.Message })); // leak TC1001 exceptions
                    logger.LogWarning("Accrual failed for receipt {ReceiptId}: {ErrorType}", sale.ReceiptId, ex.GetType().Name); // clean exceptions
                }
            }

            if (sale.CustomerPhone is not null)
            {
                logger.LogInformation("Receipt {ReceiptId} to be texted to {Phone}", sale.ReceiptId, sale.CustomerPhone); // leak TC1001 direct
                activity?.SetTag("receipt.customer", Pseudonym.FromComputed(sale.CustomerPhone).Value); // leak TC1001 precision-pseudonym
                activity?.SetTag("receipt.sms.last2", sale.CustomerPhone[^2..]); // clean precision-about
            }
        }

        var report = new ReplayReport(tillId, replayed, duplicates, failed);
        logger.LogInformation("Till replay finished: {@Report}", report); // clean logging-objects
        logger.LogDebug("Replayed sales: {Sales}", string.Join(";", queue.Select(s => $"{s.ReceiptId}={s.LoyaltyNumber}"))); // leak TC1001 strings
        activity?.SetTag("loyalty.sales", queue.Count(s => s.LoyaltyNumber is not null)); // clean precision-about
        return report;
    }
}
