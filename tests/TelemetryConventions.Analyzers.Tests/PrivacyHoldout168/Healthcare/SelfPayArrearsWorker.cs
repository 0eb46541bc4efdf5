namespace PrivacyHoldout168.Healthcare;

/// <summary>Nightly: finds self-pay treatment plans with missed instalments and moves them along the arrears path.</summary>
public sealed class SelfPayArrearsWorker(
    IArrearsLedger ledger,
    IBorrowerMessenger messenger,
    Pseudonymizer pseudonymizer,
    ILogger<SelfPayArrearsWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.SelfPayArrears");
    private static readonly Meter Meter = new("Trust.SelfPayArrears");
    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>("selfpay.reminders");

    public IReadOnlyList<SelfPayPlan> Plans { get; init; } = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var span = Source.StartCarefinanceOperation("RGT01");
        span.SetCarefinanceInstalmentCount(Plans.Count); // clean generated-api
        var started = Stopwatch.GetTimestamp();
        foreach (var plan in Plans.Where(p => p.MissedInstalments > 0))
        {
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["PlanId"] = plan.PlanId, ["Hospital"] = plan.HospitalCode }); // clean precision-about
            logger.LogInformation("Plan {PlanId} missed {Missed} instalments, {Outstanding} outstanding", plan.PlanId, plan.MissedInstalments, plan.Outstanding); // clean precision-about
            Reminders.Add(1, new KeyValuePair<string, object?>("hospital", plan.HospitalCode), new KeyValuePair<string, object?>("missed", plan.MissedInstalments)); // clean precision-about
            Reminders.Add(1, new KeyValuePair<string, object?>("patient", plan.NhsNumber)); // leak TC1003 direct
            using (logger.BeginScope("Arrears for patient {NhsNumber}", plan.NhsNumber)) // leak TC1001 direct
            {
                logger.LogDebug("Plan {Plan}", plan); // leak TC1001 logging-objects
            }

            try
            {
                var account = await ledger.FindAsync(plan.PlanId, stoppingToken) ?? throw new PatientNotRegisteredException(plan.NhsNumber);
                logger.LogInformation("Plan at stage {Stage} after {Days} days", account.Stage, account.DaysInArrears); // clean precision-about
            }
            catch (PatientNotRegisteredException ex)
            {
                span.RecordException(ex, "plan without a registered patient"); // clean exceptions
                logger.LogError("Arrears run failed: {Reason}", ex.Message); // leak TC1001 exceptions
                logger.LogCarefinanceOperationFailedEvent("RGT01", "failed", carefinancePatientId: pseudonymizer.PseudonymizeCarefinancePatientId(plan.NhsNumber), carefinanceNote: "unregistered patient on a plan"); // clean generated-api
                span.SetCarefinanceNote($"unregistered patient {plan.NhsNumber}"); // leak TC1001 generated-api
                span.SetCarefinancePatientId(Pseudonym.FromComputed(plan.NhsNumber)); // leak TC1001 generated-api
            }
        }
        Meter.CreateCarefinanceApplicationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "RGT01"); // clean generated-api
    }
}
