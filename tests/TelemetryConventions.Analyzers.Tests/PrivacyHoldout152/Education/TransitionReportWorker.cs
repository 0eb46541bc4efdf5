namespace PrivacyHoldout152.Education;

/// <summary>Sends leavers' transition reports to their reception classes in July.</summary>
public sealed class TransitionReportWorker(
    IJournalStore journal,
    ISchoolTransferGateway transfers,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<TransitionReportWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("EarlyYears.Transitions");

    private readonly List<TransitionReport> rejected = new();
    private string? currentSchool;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var setting in new[] { "EY501234", "EY501377" })
        {
            var leavers = await journal.LeaversAsync(setting, stoppingToken);
            using var span = Source.StartEyfundingOperation(setting).SetEyfundingClaimCount(leavers.Count); // clean precision-about

            foreach (var school in leavers.GroupBy(r => r.ReceivingSchoolUrn))
            {
                currentSchool = school.Key;
                span.SetEyfundingNote($"Sending {school.Count()} reports to {school.Key}"); // clean generated-api
                logger.LogInformation("Sending to {SchoolUrn}: {Children}", school.Key, string.Join(", ", school.Select(r => r.ChildName))); // leak TC1001 strings
                logger.LogInformation("Sending to {SchoolUrn}: {WithUpn} with UPN", school.Key, school.Count(r => r.Upn is not null)); // clean precision-about

                try
                {
                    var batch = await transfers.SendAsync(school.Key, school.ToList(), stoppingToken);
                    logger.LogInformation("Transition batch {Batch}", batch); // clean logging-objects
                    meter.CreateEyfundingClaimsCounter().Add(batch.Reports, setting, "transferred"); // clean generated-api
                }
                catch (SchoolRejectedTransferException ex)
                {
                    rejected.AddRange(school);
                    span.SetEyfundingNote(ex.Message); // leak TC1001 generated-api
                    logger.LogEyfundingOperationFailedEvent(setting, "school-rejected", eyfundingNote: ex.GetType().Name); // clean generated-api
                    Activity.Current?.AddEvent(new ActivityEvent("transfer.rejected", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
                }

                foreach (var report in school)
                {
                    logger.LogEyfundingOperationFailedEvent(setting, "summary", eyfundingChildId: pseudonymizer.PseudonymizeEyfundingChildId(report.ChildId), eyfundingNote: report.Summary); // leak TC1001 generated-api
                    logger.LogDebug("Summary for {ChildId} has {Words} words", pseudonymizer.ComputeEyfundingChildId(report.ChildId), report.Summary.Split(' ').Length); // clean precision-pseudonym
                    Activity.Current?.SetTag("transition.upn", report.Upn); // leak TC1001 direct
                    Activity.Current?.SetTag("transition.upn_known", report.Upn is not null); // clean precision-about
                    Activity.Current?.SetTag("transition.key", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(report.ChildId + report.ReceivingSchoolUrn)))); // leak TC1002 hashes
                }
            }
        }
    }

    public void LogRejections()
    {
        logger.LogWarning("{Count} transition reports were rejected", rejected.Count); // clean cross-member
        logger.LogWarning("Rejected transition reports: {Reports}", rejected); // leak TC1001 cross-member
        logger.LogWarning("Last school contacted: {SchoolUrn}", currentSchool); // clean cross-member
    }
}
