using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout17.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout17.Energy;

public sealed record BillingPeriod(int Year, int Month)
{
    public string Label => $"{Year}-{Month:D2}";
}

public sealed record SupplyAccount(string AccountNumber, string Tariff, string PaymentMethod, string BillingEmail, long BalancePence);

public sealed record BillCalculation(long EnergyPence, long StandingChargePence, long VatPence)
{
    public long TotalPence => EnergyPence + StandingChargePence + VatPence;
}

/// <summary>A double-entry posting; receivables are kept in one sub-ledger account per customer.</summary>
public sealed record LedgerEntry(Guid EntryId, Guid JournalId, string LedgerAccount, string AccountType, long AmountPence, string Currency, string Narrative, DateOnly PostedOn);

public interface ISupplyAccounts
{
    IAsyncEnumerable<SupplyAccount> ActiveAsync(BillingPeriod period, CancellationToken cancellationToken);
}

public interface IBillCalculator
{
    Task<BillCalculation> CalculateAsync(SupplyAccount account, BillingPeriod period, CancellationToken cancellationToken);
}

public interface ILedger
{
    Task PostAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken);
}

/// <summary>The monthly bill run: calculates each account's bill, numbers it and posts it to the ledger.</summary>
public sealed class MonthlyBillRun(
    ISupplyAccounts accounts,
    IBillCalculator calculator,
    ILedger ledger,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<MonthlyBillRun> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Billing.BillRun");

    private readonly Counter<long> _bills = meter.CreateCounter<long>("billing.bills.issued", "{bill}");

    public async Task RunAsync(BillingPeriod period, CancellationToken cancellationToken)
    {
        using var run = Source.StartActivity("billing.bill_run");
        var issued = 0;
        long billed = 0;

        await foreach (var account in accounts.ActiveAsync(period, cancellationToken))
        {
            var bill = await calculator.CalculateAsync(account, period, cancellationToken);

            // Bill numbers are the account number and the period, as printed on the paper bill.
            var billNumber = $"{account.AccountNumber}-{period.Year}{period.Month:D2}";
            var journal = Guid.NewGuid();
            var receivable = new LedgerEntry(Guid.NewGuid(), journal, $"AR:{account.AccountNumber}", "receivable", bill.TotalPence, "GBP", $"Bill {billNumber}", DateOnly.FromDateTime(DateTime.UtcNow));
            var revenue = receivable with { EntryId = Guid.NewGuid(), LedgerAccount = "REV:ENERGY", AccountType = "revenue", AmountPence = -bill.TotalPence };
            await ledger.PostAsync([receivable, revenue], cancellationToken);

            run?.AddEvent(new ActivityEvent("bill.issued", tags: new ActivityTagsCollection { ["bill.number"] = billNumber, ["bill.total"] = bill.TotalPence })); // leak TC1001 strings
            logger.LogDebug("Posted {@Entry}", receivable); // leak TC1001 logging-objects
            logger.LogDebug("Posted {@Entry}", revenue); // leak TC1001 logging-objects
            logger.LogDebug("Posted journal {JournalId}: {LedgerAccountType} {Amount} {Currency}", journal, receivable.AccountType, receivable.AmountPence, receivable.Currency); // clean precision-names
            logger.LogInformation("Bill for {AccountRef} is {Total}p on tariff {Tariff}", pseudonymizer.ComputeBillingPayerId(account.AccountNumber), bill.TotalPence, account.Tariff); // clean precision-pseudonym
            _bills.Add(1, new KeyValuePair<string, object?>("tariff", account.Tariff), new KeyValuePair<string, object?>("payment_method", account.PaymentMethod)); // clean precision-names
            meter.CreateBillingChargeAmountHistogram().Record(bill.TotalPence, "GBP", "internal"); // clean generated-api

            if (account.BalancePence + bill.TotalPence > 50_000)
            {
                logger.LogWarning("Account {AccountNumber} owes more than £500 after this bill", account.AccountNumber); // leak TC1001 direct
            }

            issued++;
            billed += bill.TotalPence;
        }

        run?.SetTag("bill_run.bills", issued); // clean precision-about
    }
}
