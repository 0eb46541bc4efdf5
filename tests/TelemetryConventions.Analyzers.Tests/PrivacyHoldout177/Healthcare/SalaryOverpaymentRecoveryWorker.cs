namespace PrivacyHoldout177.Healthcare;

/// <summary>Payroll's nightly run that recovers salary overpayments from staff, pauses for hardship and refers leavers to the agency.</summary>
public sealed partial class SalaryOverpaymentRecoveryWorker(
    IQueueReceiver<SalaryOverpayment> overpayments,
    IAgentDirectory agents,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SalaryOverpaymentRecoveryWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Payroll.Overpayments");
    private static readonly Meter Meter = new("Trust.Payroll.Overpayments");
    private static readonly Histogram<double> Recovered = Meter.CreateHistogram<double>("payroll.overpayment.recovered", "GBP");
    private string _lastStaffNumber = "";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var overpayment = await overpayments.ReceiveAsync(stoppingToken);
            if (overpayment is null)
            {
                continue;
            }
            _lastStaffNumber = overpayment.StaffNumber;
            using var activity = Source.StartActivity("overpayment.recover");
            activity?.SetTag("payroll.directorate", overpayment.Directorate); // clean precision-names
            activity?.SetTag("payroll.overpayment.amount", overpayment.Amount); // clean precision-about
            activity?.SetTag("payroll.staff", pseudonymizer.PseudonymizePatientdebtDebtorId(overpayment.StaffNumber).Value); // clean precision-pseudonym
            activity?.SetTag("payroll.employee.name", overpayment.EmployeeName); // leak TC1001 direct
            activity?.SetTag("payroll.employee.name_length", overpayment.EmployeeName.Length); // clean precision-about
            Recovered.Record((double)overpayment.Amount, new KeyValuePair<string, object?>("directorate", overpayment.Directorate)); // clean precision-names
            Recovered.Record((double)overpayment.Amount, new KeyValuePair<string, object?>("staff", pseudonymizer.ComputePatientdebtDebtorId(overpayment.StaffNumber))); // leak TC1003 precision-pseudonym

            var cohort = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(overpayment.StaffNumber)))[..2];
            activity?.SetTag("payroll.cohort", cohort); // clean hashes
            var lookupKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(overpayment.StaffNumber)));
            activity?.SetTag("payroll.staff.key", lookupKey); // leak TC1002 hashes

            using (logger.BeginScope(new Dictionary<string, object> { ["Directorate"] = overpayment.Directorate, ["Run"] = DateTime.UtcNow.ToString("yyyyMMdd") })) // clean precision-names
            {
                OverpaymentQueued(logger, overpayment.StaffNumber, overpayment.Amount); // clean logging-objects
                OverpaymentQueuedUnclassified(logger, overpayment.StaffNumber, overpayment.Amount); // leak TC1001 cross-member
            }

            var agent = await agents.CurrentAsync("PAY-RECOVERY", stoppingToken);
            logger.LogInformation("Assigned to {Agent}", agent); // clean logging-objects
            logger.LogInformation("Assigned to {AgentName}", agent.Name); // leak TC1001 direct
            logger.LogInformation("Assigned to team {Team}", agent.Team); // clean precision-names
            TraceLeaver(activity, overpayment.EmployeeName); // leak TC1001 cross-member
            TraceLeaver(activity, overpayment.Directorate); // clean cross-member
        }
    }

    private static void TraceLeaver(Activity? activity, string leaverName)
    {
        activity?.AddEvent(new ActivityEvent("leaver.referred", tags: new ActivityTagsCollection { ["leaver"] = leaverName })); // leak TC1001 direct
    }

    public void ReportLast()
    {
        logger.LogDebug("Last overpayment processed for staff {StaffNumber}", _lastStaffNumber); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Overpayment queued for {StaffNumber}: {Amount}")]
    private static partial void OverpaymentQueued(ILogger logger, [PrivateData] string staffNumber, decimal amount);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Overpayment queued (unclassified) for {StaffNumber}: {Amount}")]
    private static partial void OverpaymentQueuedUnclassified(ILogger logger, string staffNumber, decimal amount);
}
