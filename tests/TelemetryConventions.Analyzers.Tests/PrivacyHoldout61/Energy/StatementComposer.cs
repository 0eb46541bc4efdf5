using System;
using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyHoldout61.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout61.Energy;

public sealed record StatementRun(
    SupplyAccountNumber Account,
    MeterSerial Meter,
    string HolderName,
    string HolderEmail,
    string TariffCode,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal UnitsKwh,
    Pounds Charges,
    Pounds Balance,
    int Sequence);

/// <summary>Resource designer class for <c>BillingTexts.resx</c>.</summary>
[GeneratedCode("System.Resources.Tools.StronglyTypedResourceBuilder", "17.0.0.0")]
internal static class BillingTexts
{
    private static ResourceManager? resourceMan;

    internal static ResourceManager ResourceManager =>
        resourceMan ??= new ResourceManager("PrivacyHoldout61.Energy.BillingTexts", typeof(BillingTexts).Assembly);

    internal static CultureInfo? Culture { get; set; }

    /// <summary>Looks up a localized string similar to Your {0} tariff ends on {1:d}. From {2:d} your unit rate will be {3:N2}p per kWh..</summary>
    internal static string PriceChange => ResourceManager.GetString("PriceChange", Culture)!;

    /// <summary>Looks up a localized string similar to Account {0}: a balance of {1} is overdue. Please pay by {2:d}..</summary>
    internal static string DebtReminder => ResourceManager.GetString("DebtReminder", Culture)!;

    /// <summary>Looks up a localized string similar to {0} kWh used between {1:d} and {2:d}; charges {3}..</summary>
    internal static string UsageLine => ResourceManager.GetString("UsageLine", Culture)!;
}

/// <summary>Composes annual statements, price-change letters and debt reminders.</summary>
public sealed class StatementComposer(
    ActivitySource source,
    ILogger<StatementComposer> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CompositeFormat PriceChange = CompositeFormat.Parse(BillingTexts.PriceChange);
    private static readonly CompositeFormat DebtReminder = CompositeFormat.Parse(BillingTexts.DebtReminder);
    private static readonly CompositeFormat UsageLine = CompositeFormat.Parse(BillingTexts.UsageLine);

    private readonly StringBuilder _emailBatch = new();
    private int _batched;

    public string ComposeStatement(StatementRun run)
    {
        var accountRef = pseudonymizer.PseudonymizeBillsAccountId(run.Account.Digits);
        using var span = source.StartBillsStatementCompose(accountRef, run.TariffCode, spanName: $"statement {run.PeriodEnd:yyyy-MM}"); // clean precision-pseudonym
        span.SetBillsMeterSerial(pseudonymizer.PseudonymizeBillsMeterSerial(run.Meter.Value)).SetBillsLetterKind(BillsLetterKind.AnnualStatement); // clean precision-pseudonym

        var statementId = string.Create(CultureInfo.InvariantCulture, $"ST-{run.PeriodEnd:yyyy-MM}-{run.Sequence:D7}");
        span.SetBillsStatementId(statementId); // clean precision-names

        var letterRef = string.Create(22, run, static (chars, r) =>
        {
            "BW/".AsSpan().CopyTo(chars);
            r.Account.TryFormat(chars[3..], out var written, default, CultureInfo.InvariantCulture);
            chars[(3 + written)..].Fill(' ');
            r.PeriodEnd.TryFormat(chars[^6..], out _, "yyMMdd", CultureInfo.InvariantCulture);
        });
        span.Activity?.SetTag("bills.letter.reference", letterRef); // leak TC1001 strings

        Span<char> buffer = stackalloc char[64];
        if (run.Account.TryFormat(buffer, out var chars, "L4", CultureInfo.InvariantCulture))
        {
            span.Activity?.SetTag("bills.account.masked", new string(buffer[..chars])); // clean precision-about
        }

        if (run.Meter.TryFormat(buffer, out chars, default, CultureInfo.InvariantCulture))
        {
            span.Activity?.SetTag("bills.meter.printed", buffer[..chars].ToString()); // leak TC1001 strings
        }

        var usage = string.Format(EnGb, UsageLine, run.UnitsKwh, run.PeriodStart, run.PeriodEnd, run.Charges);
        span.SetBillsNote(usage); // clean generated-api

        var header = new DefaultInterpolatedStringHandler(literalLength: 24, formattedCount: 3, EnGb);
        header.AppendLiteral("Statement for ");
        header.AppendFormatted(run.HolderName);
        header.AppendLiteral(", account ");
        header.AppendFormatted(run.Account);
        header.AppendLiteral(", ");
        header.AppendFormatted(run.PeriodEnd, "MMMM yyyy");
        var headerText = header.ToStringAndClear();
        logger.LogDebug("Statement header {Header}", headerText); // leak TC1001 strings

        var label = new DefaultInterpolatedStringHandler(literalLength: 16, formattedCount: 2, CultureInfo.InvariantCulture);
        label.AppendLiteral("meter model ");
        label.AppendFormatted(run.Meter, "M");
        label.AppendLiteral(" tariff ");
        label.AppendFormatted(run.TariffCode);
        span.Activity?.SetTag("bills.meter.label", label.ToStringAndClear()); // clean precision-about

        logger.LogInformation("Statement {StatementId} composed for account {Account}", statementId, run.Account); // leak TC1001 direct
        logger.LogInformation("Statement {StatementId} composed for account {Account:L4}", statementId, run.Account); // leak TC1001 strings
        logger.LogInformation("Statement {StatementId} composed for account {Account}", statementId, run.Account.ToString("L4", EnGb)); // clean precision-about
        logger.LogBillsLetterGeneratedEvent(BillsLetterKind.AnnualStatement, billsStatementId: statementId, billsAccountId: accountRef, billsNote: $"{run.UnitsKwh:N0} kWh, balance {run.Balance}"); // clean generated-api
        meter.CreateBillsLettersCounter().Add(1, BillsLetterKind.AnnualStatement, run.TariffCode); // clean precision-names
        return headerText + Environment.NewLine + usage;
    }

    public string ComposePriceChange(StatementRun run, DateOnly tariffEnds, decimal newUnitRate)
    {
        using var span = source.StartBillsStatementCompose(pseudonymizer.PseudonymizeBillsAccountId(run.Account.Digits), run.TariffCode); // clean precision-pseudonym
        var body = string.Format(EnGb, PriceChange, run.TariffCode, tariffEnds, tariffEnds.AddDays(1), newUnitRate);
        span.SetBillsLetterKind(BillsLetterKind.PriceChange).SetBillsNote(body); // clean generated-api
        var greeting = new StringBuilder().Append("Dear ").Append(run.HolderName).Append(',').ToString();
        span.SetBillsNote(greeting); // leak TC1001 generated-api
        logger.LogBillsLetterGeneratedEvent(BillsLetterKind.PriceChange, billsNote: $"{run.HolderEmail}: {body}"); // leak TC1001 generated-api
        meter.CreateBillsLettersCounter().Add(1, BillsLetterKind.PriceChange, run.TariffCode); // clean precision-names
        _emailBatch.Append(run.HolderEmail).Append(';');
        _batched++;
        return greeting + Environment.NewLine + body;
    }

    /// <summary>Hands the price-change emails of the run to the mail house, as one recipients list.</summary>
    public string FlushEmailBatch()
    {
        var recipients = _emailBatch.ToString().TrimEnd(';');
        logger.LogInformation("Price-change batch of {Count} emails handed to the mail house", _batched); // clean precision-about
        logger.LogDebug("Price-change batch recipients {Recipients}", recipients); // leak TC1001 cross-member
        _emailBatch.Clear();
        _batched = 0;
        return recipients;
    }

    public string ComposeDebtReminder(StatementRun run, DateOnly payBy)
    {
        using var activity = source.StartActivity("bills.debt_reminder");
        var text = string.Format(EnGb, DebtReminder, run.Account, run.Balance, payBy);
        activity?.SetTag("bills.reminder.preview", text); // leak TC1001 strings
        var masked = string.Format(EnGb, DebtReminder, run.Account.ToString("L4", EnGb), run.Balance, payBy);
        activity?.AddEvent(new ActivityEvent("bills.reminder.rendered", tags: new ActivityTagsCollection { ["bills.reminder.text"] = masked })); // clean precision-about
        activity?.SetTag("bills.balance.band", run.Balance.Amount switch { < 50m => "<50", < 250m => "50-250", _ => "250+" }); // clean precision-about
        var byMeter = new Dictionary<string, decimal> { [run.Meter.Value] = run.Balance.Amount };
        logger.LogDebug("Overdue balances by meter {Balances}", byMeter); // leak TC1001 logging-objects
        logger.LogDebug("Overdue balances for {Meters} meters", byMeter.Count); // clean precision-about
        return text;
    }
}
