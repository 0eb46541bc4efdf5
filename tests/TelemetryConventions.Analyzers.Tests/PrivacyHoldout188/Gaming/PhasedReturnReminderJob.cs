namespace PrivacyHoldout188.Gaming;

/// <summary>Reminds leads each Monday of the developers on a phased return in their team.</summary>
public sealed class PhasedReturnReminderJob(IHrRecords hr, IEapProvider texts, Pseudonymizer pseudonymizer, ILogger<PhasedReturnReminderJob> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.Wellbeing.Reminders");

    public IReadOnlyList<(Employee Developer, ReturnToWorkPlan Plan)> Due { get; set; } = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var activity = Source.StartActivity("wellbeing.reminders");
        activity?.SetTag("reminders.due", Due.Count); // clean precision-about
        foreach (var (developer, plan) in Due)
        {
            var lead = await hr.FindEmployeeAsync(plan.SiteCode, stoppingToken);
            var text = $"{developer.FullName} is on week {plan.PhasedWeeks} of a phased return";
            await texts.SendTextAsync(lead?.MobileNumber ?? string.Empty, text, stoppingToken);
            activity?.AddEvent(new ActivityEvent("reminder.sent", tags: new ActivityTagsCollection { ["plan"] = plan.PlanId, ["weeks"] = plan.PhasedWeeks })); // clean precision-names
            activity?.AddEvent(new ActivityEvent("reminder.text", tags: new ActivityTagsCollection { ["text"] = text })); // leak TC1001 strings
            activity?.AddEvent(new ActivityEvent("reminder.lead", tags: new ActivityTagsCollection { ["lead_mobile"] = lead?.MobileNumber })); // leak TC1001 direct
            logger.LogInformation("Reminder for plan {PlanId} sent to lead of {Studio}", plan.PlanId, plan.SiteCode); // clean precision-names
            logger.LogInformation("Reminder sent: {Text}", text.Length); // clean precision-about
            logger.LogInformation("Reminder for {Developer}", pseudonymizer.PseudonymizeStudiocareClientId(developer.EmployeeNumber)); // clean precision-pseudonym
            logger.LogInformation("Reminder for {Developer}", Pseudonym.FromComputed(developer.EmployeeNumber)); // leak TC1001 precision-pseudonym
            logger.LogDebug("Reminder developer {@Developer}", developer); // leak TC1001 logging-objects
        }

        activity?.SetTag("reminders.developer_count", Due.Select(d => d.Developer.EmployeeNumber).Distinct().Count()); // clean precision-about
        activity?.SetTag("reminders.developers", string.Join(";", Due.Select(d => d.Developer.WorkEmail))); // leak TC1001 strings
    }
}
