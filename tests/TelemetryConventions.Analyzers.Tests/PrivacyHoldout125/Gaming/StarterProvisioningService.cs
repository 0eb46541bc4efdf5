namespace PrivacyHoldout125.Gaming;

/// <summary>
/// When a new starter's contract is signed: the HR system creates them, the onboarding checklist is
/// made, the build farm and dev kit accounts are requested and their buddy assigned.
/// </summary>
public sealed partial class StarterProvisioningService(
    IHrSystem hr,
    Pseudonymizer pseudonymizer,
    ILogger<StarterProvisioningService> logger)
{
    private static readonly ActivitySource Source = new("Studio.People.Onboarding");
    private static readonly Meter Meter = new("Studio.People.Onboarding");
    private static readonly Counter<long> Tasks = Meter.CreateCounter<long>("studiojobs.onboarding.tasks");

    private NewStarter? _starter;

    public async Task OnboardAsync(Offer offer, Candidate candidate, string buddyEmail, CancellationToken cancellationToken)
    {
        using var span = Source.StartStudiojobsCheck("onboarding");
        _starter = await hr.CreateStarterAsync(offer, candidate, cancellationToken);
        var checklist = await hr.CreateChecklistAsync(_starter.EmployeeNumber, "studio-engineer", cancellationToken);
        span.SetStudiojobsApplicationId(offer.ApplicationId.ToString(CultureInfo.InvariantCulture)).SetStudiojobsOutcome("created"); // clean generated-api
        span.Activity?.SetTag("studiojobs.checklist.tasks", checklist.Count); // clean precision-about
        span.Activity?.SetTag("studiojobs.checklist.owners", string.Join(",", checklist.Select(t => t.Owner).Distinct())); // clean precision-names
        logger.LogInformation("Checklist {@Tasks}", checklist); // clean logging-objects
        foreach (var task in checklist)
        {
            Tasks.Add(1, new KeyValuePair<string, object?>("studiojobs.task", task.Name)); // clean precision-names
        }
        TagStarter(span.Activity);
        LogBuddy(logger, _starter.Department, buddyEmail); // leak TC1001 direct
        LogStarterRedacted(logger, _starter.Department, _starter.WorkEmail); // clean logging-objects
        span.Activity?.SetTag("studiojobs.starter.days_to_start", _starter.StartDate.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber); // clean precision-about
        Activity.Current?.SetBaggage("studiojobs.starter", _starter.EmployeeNumber); // leak TC1001 direct
    }

    private void TagStarter(Activity? activity)
    {
        activity?.SetTag("studiojobs.starter.upn", _starter?.WorkEmail); // leak TC1001 cross-member
        activity?.SetTag("studiojobs.starter.manager", _starter?.ManagerStaffNumber); // leak TC1001 cross-member
        activity?.SetTag("studiojobs.starter.department", _starter?.Department); // clean cross-member
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Buddy for the {Department} starter: {BuddyEmail}")]
    private static partial void LogBuddy(ILogger logger, string department, string buddyEmail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starter in {Department}: {WorkEmail}")]
    private static partial void LogStarterRedacted(ILogger logger, string department, [PrivateData] string workEmail);
}
