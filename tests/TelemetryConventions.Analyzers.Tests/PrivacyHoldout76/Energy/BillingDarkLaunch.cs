namespace PrivacyHoldout76.Energy;

public sealed record BillRequest(string AccountNumber, string Region, string TariffCode, DateOnly PeriodStart, DateOnly PeriodEnd);

/// <summary>A bill: a positional record, so it prints the account number with the totals.</summary>
public sealed record Bill(string AccountNumber, string TariffCode, long TotalPence, int Lines);

/// <summary>Thrown by a billing engine when a tariff has no rate for a day: names the tariff and the day.</summary>
public sealed class TariffRateMissingException(string tariffCode, DateOnly day)
    : Exception($"No unit rate for tariff {tariffCode} on {day:yyyy-MM-dd}");

public interface IBillingEngine
{
    Task<Bill> CalculateAsync(BillRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Dark launch of the v3 billing engine: for accounts the flag selects, the bill is also calculated
/// by v3 and compared; the customer always gets v2's bill. The on-call engineer can stop it from the
/// operations console with a kill switch.
/// </summary>
public sealed class BillingDarkLaunch(
    IBillingEngine current,
    IBillingEngine candidate,
    IFlagClient flags,
    IKillSwitchStore killSwitches,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<BillingDarkLaunch> logger)
{
    private const string Flag = "billing.v3.dark-launch";
    private static readonly ActivitySource Source = new("Supplier.Billing.DarkLaunch");
    private readonly Histogram<long> _deltas = meter.CreateHistogram<long>("billing.darklaunch.delta", "p");
    private readonly ConcurrentQueue<string> _mismatched = new();

    public async Task<Bill> CalculateAsync(BillRequest request, CancellationToken ct)
    {
        var bill = await current.CalculateAsync(request, ct);
        var activity = Activity.Current;

        var kill = await killSwitches.GetAsync(Flag, ct);
        if (kill is { Engaged: true })
        {
            activity?.SetTag("darklaunch.killed", true);
            activity?.SetTag("darklaunch.kill.reason", kill.Reason); // clean precision-about
            logger.LogInformation("Dark launch stopped since {FlippedAt} by {FlippedBy}", kill.FlippedAt, kill.FlippedBy); // leak TC1001 direct
            logger.LogDebug("Kill switch {KillSwitch}", kill); // leak TC1001 logging-objects
            return bill;
        }

        var context = new EvaluationContext(request.AccountNumber, new Dictionary<string, string> { ["region"] = request.Region, ["tariff"] = request.TariffCode });
        var evaluation = flags.Evaluate(Flag, context, defaultValue: false);
        activity?.SetTag("feature_flag.key", evaluation.FlagKey); // clean precision-names
        activity?.SetTag("feature_flag.result.variant", evaluation.Variant);
        activity?.SetTag("feature_flag.result.reason", evaluation.Reason);
        activity?.SetTag("feature_flag.context.id", context.TargetingKey); // leak TC1001 direct
        if (!evaluation.Value)
        {
            return bill;
        }

        using var span = Source.StartSupplyopsCanary("billing-v3", 0) // clean generated-api
            .SetSupplyopsRegion(request.Region);
        Bill shadowBill;
        try
        {
            shadowBill = await candidate.CalculateAsync(request, ct);
        }
        catch (TariffRateMissingException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            span.SetSupplyopsOutcome("candidate-error");
            return bill;
        }

        var delta = shadowBill.TotalPence - bill.TotalPence;
        _deltas.Record(Math.Abs(delta), new KeyValuePair<string, object?>("tariff", request.TariffCode), new KeyValuePair<string, object?>("engine", "v3")); // clean precision-about
        if (delta == 0)
        {
            span.SetSupplyopsOutcome("match");
            return bill;
        }

        span.SetSupplyopsOutcome("mismatch").SetSupplyopsNote($"tariff {request.TariffCode} differs by {delta}p over {bill.Lines} lines"); // clean generated-api
        logger.LogWarning("Dark launch mismatch for {AccountNumber}: {Current}p against {Candidate}p", request.AccountNumber, bill.TotalPence, shadowBill.TotalPence); // leak TC1001 direct
        logger.LogDebug("Candidate bill {Bill}", shadowBill); // leak TC1001 logging-objects
        logger.LogSupplyopsProbeFailedEvent("billing-v3", "mismatch", pseudonymizer.PseudonymizeSupplyopsAccountId(request.AccountNumber), $"{delta}p on {request.TariffCode}"); // clean precision-pseudonym
        _mismatched.Enqueue(request.AccountNumber);
        return bill;
    }

    public void ReportMismatches()
    {
        logger.LogInformation("{Count} bills differed under v3", _mismatched.Count);
        logger.LogInformation("Accounts whose v3 bill differed: {Accounts}", string.Join(",", _mismatched)); // leak TC1001 cross-member
    }
}
