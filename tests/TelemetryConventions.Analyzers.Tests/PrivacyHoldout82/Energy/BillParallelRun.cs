namespace PrivacyHoldout82.Energy;

public sealed record BillQuote(string AccountNumber, string TariffCode, decimal StandingCharge, decimal UnitRate, decimal Total, string? Message);

public interface IBillingEngine
{
    Task<BillQuote> QuoteAsync(string accountNumber, DateOnly periodEnd, CancellationToken cancellationToken);
}

/// <summary>
/// The parallel run of bill calculation: the strangler facade still answers from the mainframe (CICS
/// transaction BLQT), calls the new billing engine beside it and records where they disagree. The
/// mainframe's error messages quote the account record, e.g. "BLQT-E17 ACCT 4401234567 MRS P HALLORAN NO
/// READ SINCE 230114".
/// </summary>
public sealed class BillParallelRun(
    IBillingEngine mainframe,
    IBillingEngine engine,
    ActivitySource source,
    Meter meter,
    ShardKey shardKey,
    ILogger<BillParallelRun> logger)
{
    private static readonly Counter<long> Compared = new Meter("Supplier.Billing.ParallelRun").CreateCounter<long>("billing.parallel.compared");
    private readonly List<string> _mismatchedAccounts = [];

    public async Task<BillQuote> QuoteAsync(string accountNumber, DateOnly periodEnd, CancellationToken cancellationToken)
    {
        var lane = shardKey.ShardOf(accountNumber, 100);
        var compare = lane < 25;
        Activity.Current?.SetTag("billing.parallel.lane", lane); // clean hashes
        Activity.Current?.SetTag("billing.route", compare ? "both" : "legacy"); // clean precision-about

        var started = Stopwatch.GetTimestamp();
        BillQuote legacy;
        try
        {
            legacy = await mainframe.QuoteAsync(accountNumber, periodEnd, cancellationToken);
        }
        catch (LegacySystemException ex)
        {
            meter.CreateBillbridgeLegacyDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "legacy", billbridgeLegacySystem: ex.System, billbridgeOutcome: ex.Code); // clean precision-about
            logger.LogError("BLQT failed with {Code} on {System}", ex.Code, ex.System); // clean exceptions
            logger.LogError("BLQT said: {LegacyMessage}", ex.LegacyMessage); // leak TC1001 exceptions
            throw;
        }
        meter.CreateBillbridgeLegacyDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "legacy", billbridgeLegacySystem: "cics-billing"); // clean precision-about
        if (!compare)
        {
            return legacy;
        }

        using var span = source.StartBillbridgeTranslate("BLQT");
        var modern = await engine.QuoteAsync(accountNumber, periodEnd, cancellationToken);
        var delta = modern.Total - legacy.Total;
        var matched = Math.Abs(delta) < 0.01m && legacy.TariffCode == modern.TariffCode;
        Compared.Add(1, new KeyValuePair<string, object?>("tariff", legacy.TariffCode), new KeyValuePair<string, object?>("matched", matched)); // clean precision-about
        span.SetBillbridgeOutcome(matched ? "match" : "mismatch"); // clean precision-about
        if (!matched)
        {
            _mismatchedAccounts.Add(accountNumber);
            span.SetBillbridgeNote($"delta {delta:0.00} on {legacy.TariffCode}, unit rate {legacy.UnitRate} vs {modern.UnitRate}"); // clean generated-api
            logger.LogWarning("Quote mismatch of {Delta} for {Account}", delta, accountNumber); // leak TC1001 direct
            logger.LogWarning("Legacy quote {Legacy}, new quote {Modern}", legacy, modern); // leak TC1001 logging-objects
            Activity.Current?.SetStatus(ActivityStatusCode.Error, "quote mismatch: " + legacy.Message); // leak TC1001 strings
            // The first four digits of an account number are its billing centre (4401 Bristol, 4402 Leeds).
            Compared.Add(0, new KeyValuePair<string, object?>("billing_centre", accountNumber[..4])); // clean precision-about
        }
        return legacy;
    }

    public void ReportMismatches()
    {
        logger.LogInformation("{Count} accounts mismatched today", _mismatchedAccounts.Count); // clean precision-about
        logger.LogInformation("Accounts to review: {Accounts}", string.Join(";", _mismatchedAccounts)); // leak TC1001 cross-member
    }
}
