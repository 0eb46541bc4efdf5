namespace PrivacyHoldout151.Energy;

/// <summary>The four-weekly Fuel Direct schedule: deductions taken from customers' benefits and paid to the supplier.</summary>
public sealed partial class FuelDirectDeductionJob(
    IBillingSystem billing,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<FuelDirectDeductionJob> logger)
{
    private static readonly ActivitySource Source = new("Supplier.FuelDirect");
    private readonly Histogram<double> _weekly = meter.CreateHistogram<double>("fueldirect.weekly_amount", "GBP");
    private readonly List<string> _rejectedAccounts = new();

    public async Task RunAsync(IReadOnlyList<FuelDirectDeduction> schedule, CancellationToken cancellationToken)
    {
        using var batch = Source.StartWarmhomeOperation("fuel-direct");
        batch.SetWarmhomeMatchCount(schedule.Count); // clean precision-about
        foreach (var deduction in schedule)
        {
            using var activity = Source.StartActivity("fueldirect.deduction");
            activity?.SetTag("fueldirect.deduction.id", deduction.DeductionId); // clean precision-names
            activity?.SetTag("fueldirect.fuel", deduction.Fuel); // clean precision-about
            activity?.SetTag("fueldirect.claimant", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(deduction.Nino)))); // leak TC1002 hashes
            activity?.SetTag("fueldirect.claimant.key", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(deduction.Nino)))[..16]); // clean hashes
            _weekly.Record((double)deduction.WeeklyAmount, new KeyValuePair<string, object?>("fuel", deduction.Fuel)); // clean precision-about
            _weekly.Record((double)deduction.WeeklyAmount, new KeyValuePair<string, object?>("account", deduction.SupplierAccount)); // leak TC1003 direct

            try
            {
                await billing.CreditAsync(deduction.SupplierAccount, deduction.WeeklyAmount * 4, "FUEL-DIRECT", cancellationToken);
                LogDeductionApplied(logger, deduction.DeductionId, deduction.Nino, deduction.WeeklyAmount); // clean logging-objects
            }
            catch (DeductionRejectedException ex)
            {
                _rejectedAccounts.Add(deduction.SupplierAccount);
                activity?.SetTag("fueldirect.reject.code", ex.Code); // clean exceptions
                activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
                activity?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.type"] = nameof(DeductionRejectedException), ["code"] = ex.Code })); // clean exceptions
                LogDeductionRejected(logger, deduction.DeductionId, deduction.Nino, ex.Code); // leak TC1001 logging-objects
                meter.CreateWarmhomeMatchesCounter().Add(1, warmhomeRegion: "fuel-direct", warmhomeOutcome: ex.Code); // clean generated-api
            }
        }
        batch.SetWarmhomeNote(RejectionSummary()); // leak TC1001 generated-api
        batch.SetWarmhomeOutcome(_rejectedAccounts.Count == 0 ? "all-applied" : $"{_rejectedAccounts.Count}-rejected"); // clean generated-api
    }

    private string RejectionSummary() => "Rejected: " + string.Join(",", _rejectedAccounts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deduction {DeductionId} applied for {Nino}: {Amount} a week")]
    private static partial void LogDeductionApplied(ILogger logger, string deductionId, [PrivateData] string nino, decimal amount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deduction {DeductionId} rejected for {Nino}: {Code}")]
    private static partial void LogDeductionRejected(ILogger logger, string deductionId, string nino, string code);
}
