namespace PrivacyHoldout130.Healthcare;

/// <summary>One resident's rent taken from pay this month.</summary>
public sealed record PayrollDeduction(string StaffNumber, string AssignmentNumber, string TenancyRef, decimal Amount, bool Succeeded, string? FailureReason);

/// <summary>
/// Monthly job: sends residents' rent to payroll as deductions, reconciles what payroll returns and opens arrears
/// cases for residents whose pay did not cover the rent (leavers, unpaid leave).
/// </summary>
public sealed class RentDeductionPayrollJob(
    IRentLedger ledger,
    Pseudonymizer pseudonymizer,
    ILogger<RentDeductionPayrollJob> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Accommodation.Rent");
    private static readonly Meter Meter = new("Trust.Accommodation.Rent");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("rent.deductions.failed");
    private static readonly Histogram<double> ArrearsBalance = Meter.CreateHistogram<double>("rent.arrears.balance", "GBP");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var deductions = await LoadPayrollReturnAsync(stoppingToken);
        using var activity = Source.StartActivity("rent.payroll.reconcile");
        activity?.SetTag("rent.deductions.count", deductions.Count); // clean precision-about
        activity?.SetTag("rent.deductions.total", deductions.Sum(d => d.Amount)); // clean precision-about

        var failed = deductions.Where(d => !d.Succeeded).ToList();
        activity?.SetTag("rent.deductions.failed", failed.Count); // clean precision-about
        activity?.SetTag("rent.deductions.failed.staff", string.Join(',', failed.Select(f => f.StaffNumber))); // leak TC1001 strings
        foreach (var deduction in failed)
        {
            logger.LogWarning("Deduction failed for tenancy {TenancyRef}: {Reason}", deduction.TenancyRef, deduction.FailureReason); // clean precision-names
            logger.LogWarning("Deduction failed: {Deduction}", deduction); // leak TC1001 logging-objects
            Failed.Add(1, new KeyValuePair<string, object?>("reason", deduction.FailureReason)); // clean precision-names
            Failed.Add(1, new KeyValuePair<string, object?>("assignment", deduction.AssignmentNumber)); // leak TC1003 direct
            ArrearsBalance.Record((double)deduction.Amount, new KeyValuePair<string, object?>("resident", pseudonymizer.ComputeStaffresTenantId(deduction.StaffNumber))); // leak TC1003 precision-pseudonym
            activity?.AddEvent(new ActivityEvent("rent.deduction.failed", tags: new ActivityTagsCollection { ["resident"] = pseudonymizer.ComputeStaffresTenantId(deduction.StaffNumber), ["tenancy"] = deduction.TenancyRef })); // clean precision-pseudonym
        }

        foreach (var arrears in await ledger.GetArrearsAsync(stoppingToken))
        {
            logger.LogInformation("Arrears {Case}", arrears); // clean logging-objects
            ArrearsBalance.Record((double)arrears.Balance, new KeyValuePair<string, object?>("stage", arrears.Stage)); // clean precision-about
        }

        var leavers = failed.Where(f => f.FailureReason == "LEAVER").Select(f => f.StaffNumber).ToArray();
        Baggage.SetBaggage("rent.leaver.count", leavers.Length.ToString(CultureInfo.InvariantCulture)); // clean precision-about
        Baggage.SetBaggage("rent.first.leaver", leavers.FirstOrDefault()); // leak TC1001 direct
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', leavers))));
        activity?.SetTag("rent.leavers.digest", digest); // leak TC1002 hashes
    }

    private static Task<IReadOnlyList<PayrollDeduction>> LoadPayrollReturnAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PayrollDeduction>>(Array.Empty<PayrollDeduction>());
}
