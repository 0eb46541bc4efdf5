namespace PrivacyHoldout131.Energy;

/// <summary>A missed guaranteed standard: a missed appointment, a late final bill, a supply interruption.</summary>
public sealed record StandardBreach(
    string BreachId,
    string AccountNumber,
    string CustomerName,
    string Mobile,
    string Standard,
    string Postcode,
    DateTimeOffset OccurredAt,
    string? EngineerStaffNumber);

/// <summary>
/// Pays the automatic compensation the guaranteed standards of performance set for each breach, as a
/// credit on the account, and records who missed the appointment.
/// </summary>
public sealed class GuaranteedStandardsCompensationService(
    IStoreCreditLedger accountCredit,
    Pseudonymizer pseudonymizer,
    IOptions<RefundsOptions> options,
    ILogger<GuaranteedStandardsCompensationService> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Gsop.Compensation");
    private static readonly Meter Meter = new("Supplier.Gsop.Compensation");
    private static readonly Counter<long> Breaches = Meter.CreateCounter<long>("gsop.breaches");
    private static readonly Histogram<double> Paid = Meter.CreateHistogram<double>("gsop.compensation.paid", "GBP");

    private static readonly IReadOnlyDictionary<string, decimal> Amounts = new Dictionary<string, decimal>
    {
        ["missed-appointment"] = 40m,
        ["late-final-bill"] = 40m,
        ["supply-interruption"] = 95m,
    };

    public async Task<StoreCredit?> CompensateAsync(StandardBreach breach, CancellationToken ct)
    {
        using var span = Source.StartSupplycompCase(breach.BreachId);
        var district = breach.Postcode.Split(' ')[0];
        span.SetSupplycompRegion(district); // clean precision-about
        Breaches.Add(1, new KeyValuePair<string, object?>("standard", breach.Standard), new KeyValuePair<string, object?>("district", district)); // clean precision-about
        Breaches.Add(1, new KeyValuePair<string, object?>("postcode", breach.Postcode)); // leak TC1003 direct

        if (!Amounts.TryGetValue(breach.Standard, out var amount))
        {
            logger.LogWarning("Unknown standard {Standard} for breach {BreachId}", breach.Standard, breach.BreachId); // clean precision-names
            return null;
        }

        if (breach.EngineerStaffNumber is { } engineer)
        {
            logger.LogInformation("Missed appointment {BreachId} by engineer {Engineer}", breach.BreachId, engineer); // leak TC1001 direct
            span.SetSupplycompNote($"Missed by engineer {pseudonymizer.ComputeSupplycompClaimantId(engineer)}"); // clean precision-pseudonym
        }

        var credit = await accountCredit.IssueAsync(breach.AccountNumber, amount, breach.Standard, ct);
        Paid.Record((double)amount, new KeyValuePair<string, object?>("standard", breach.Standard)); // clean precision-names
        span.SetSupplycompAmount((double)credit.Amount).SetSupplycompOutcome("credited"); // clean precision-about
        span.Activity?.SetTag(SupplycompAttributes.Contact, pseudonymizer.Compute("supplycomp.contact", breach.Mobile)); // leak TC1001 precision-pseudonym
        logger.LogInformation("Compensation text sent to {Mobile}", breach.Mobile[..3] + "*******"); // clean precision-about
        logger.LogInformation("Compensation for {CustomerName}: {Amount}", breach.CustomerName, amount); // leak TC1001 direct
        logger.LogInformation("Compensation {Breach} settled", breach with { Mobile = "***" }); // leak TC1001 logging-objects

        if (credit.Amount > options.Value.GoodwillCap * 2)
        {
            var ex = new CompensationCapExceededException(credit.Amount, options.Value.GoodwillCap * 2);
            logger.LogError(ex, "Compensation above the review threshold"); // clean exceptions
        }

        return credit;
    }
}
