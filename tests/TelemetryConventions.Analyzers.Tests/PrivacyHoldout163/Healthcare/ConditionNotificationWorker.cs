namespace PrivacyHoldout163.Healthcare;

/// <summary>Reads the practice's queue of patients who must tell the agency about a condition and chases them.</summary>
public sealed partial class ConditionNotificationWorker(
    IQueueReceiver<FitnessReport> queue,
    IAgencyMedicalGateway agency,
    Pseudonymizer pseudonymizer,
    ILogger<ConditionNotificationWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Driving.Medical.Notifications");
    private static readonly Counter<long> Chased = new Meter("Driving.Medical.Notifications").CreateCounter<long>("medfit.notifications.chased");
    private string? currentNhsNumber;
    private string? currentCondition;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var report = await queue.ReceiveAsync(stoppingToken);
            if (report is null)
            {
                continue;
            }

            currentNhsNumber = report.NhsNumber;
            currentCondition = report.ConditionCode;
            using var activity = Source.StartActivity("condition.chase");
            var rule = await agency.RuleAsync(report.ConditionCode, stoppingToken);
            activity?.SetTag("medfit.rule.category", rule.Category); // clean precision-about
            activity?.SetTag("medfit.rule.stand_down_months", rule.StandDownMonths); // clean precision-about
            Chased.Add(1, new KeyValuePair<string, object?>("condition", report.ConditionCode)); // clean precision-about
            Chased.Add(1, new KeyValuePair<string, object?>("gp", report.GpName)); // leak TC1003 direct
            Chasing(logger, report.ConditionCode, report.GpName); // leak TC1001 logging-objects
            Tag(activity);
            if (rule.StandDownMonths > 12)
            {
                activity?.SetStatus(ActivityStatusCode.Error, $"Long stand-down for {report.NhsNumber}"); // leak TC1001 strings
                throw new InvalidOperationException($"Stand-down of {rule.StandDownMonths} months needs a doctor's review"); // clean exceptions
            }
        }
    }

    private void Tag(Activity? activity)
    {
        activity?.SetTag("medfit.patient", currentNhsNumber); // leak TC1001 cross-member
        activity?.SetTag("medfit.condition", currentCondition); // clean cross-member
        activity?.SetTag("medfit.patient.id", pseudonymizer.ComputeMedfitPatientId(currentNhsNumber!)); // clean precision-pseudonym
        activity?.SetTag("medfit.patient.ref", Pseudonym.FromComputed(currentNhsNumber!).Value); // leak TC1001 precision-pseudonym
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chasing a {Condition} notification for Dr {GpName}")]
    private static partial void Chasing(ILogger logger, string condition, string gpName);
}
