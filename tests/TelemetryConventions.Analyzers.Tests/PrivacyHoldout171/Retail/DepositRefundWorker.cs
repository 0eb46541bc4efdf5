namespace PrivacyHoldout171.Retail;

/// <summary>A returned van whose deposit can be released, with any damage found at the return check.</summary>
public sealed record ReturnedVan(string AgreementNumber, string CustomerNumber, string HoldId, decimal Deposit, decimal DamageCharge, string StoreNumber, string? DamageNote);

public interface IReturnedVanQueue
{
    Task<IReadOnlyList<ReturnedVan>> PendingAsync(CancellationToken cancellationToken);
}

/// <summary>Hourly worker: releases van hire deposits, keeping back any damage charge.</summary>
public sealed class DepositRefundWorker(IReturnedVanQueue queue, IDepositGateway gateway, Pseudonymizer pseudonymizer, ILogger<DepositRefundWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Store.Deposits");
    private static readonly Meter Meter = new("Store.Deposits");
    private static readonly Histogram<double> Refunds = Meter.CreateHistogram<double>("store.deposit.refunded", "GBP");
    private static readonly StorecarRentalDurationHistogram Duration = Meter.CreateStorecarRentalDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = await queue.PendingAsync(stoppingToken);
        foreach (var van in pending)
        {
            var started = Stopwatch.GetTimestamp();
            using var activity = Source.StartActivity("deposit.release");
            activity?.SetTag("deposit.agreement", van.AgreementNumber); // clean precision-names
            activity?.SetTag("deposit.hold.id", van.HoldId); // clean precision-names
            activity?.SetTag("deposit.damage.charge", van.DamageCharge); // clean precision-about
            activity?.SetTag("deposit.summary", $"{van.AgreementNumber}@{van.StoreNumber}: {van.Deposit - van.DamageCharge:F2}"); // clean strings
            activity?.SetTag("deposit.customer.ref", pseudonymizer.PseudonymizeStorecarRenterId(van.CustomerNumber).ToString()); // clean precision-pseudonym
            if (van.DamageNote is not null)
            {
                activity?.SetTag("deposit.damage.note", van.DamageNote); // leak TC1001 direct
                activity?.SetTag("deposit.damage.noted", true); // clean precision-about
            }

            try
            {
                var result = await gateway.ReleaseAsync(van.HoldId, van.Deposit - van.DamageCharge, stoppingToken);
                Refunds.Record((double)(van.Deposit - van.DamageCharge), new KeyValuePair<string, object?>("store", van.StoreNumber)); // clean precision-names
                logger.LogInformation("Released {HoldId}: {Status}", result.HoldId, result.Status); // clean precision-names
            }
            catch (DepositDeclinedException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, $"Release failed for customer {van.CustomerNumber}: {ex.DeclineCode}"); // leak TC1001 strings
                logger.LogError(ex, "Release of {HoldId} failed", van.HoldId); // clean exceptions
                Refunds.Record(0, new KeyValuePair<string, object?>("customer", pseudonymizer.PseudonymizeStorecarRenterId(van.CustomerNumber))); // leak TC1003 precision-pseudonym
            }

            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, van.StoreNumber); // clean generated-api
            logger.LogDebug("Processed returned van {Van}", van); // leak TC1001 logging-objects
        }
    }
}
