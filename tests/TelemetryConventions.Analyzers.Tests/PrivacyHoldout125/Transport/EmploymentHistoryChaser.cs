namespace PrivacyHoldout125.Transport;

/// <summary>
/// Safety-critical roles need five years' verified history: the chaser sends reminders to former
/// employers whose references are late and flags unexplained gaps for the recruiter.
/// </summary>
public sealed class EmploymentHistoryChaser(
    Pseudonymizer pseudonymizer,
    HiringOptions options,
    ILogger<EmploymentHistoryChaser> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Operator.Recruitment.History");
    private static readonly Meter Meter = new("Operator.Recruitment.History");
    private static readonly Counter<long> Chased = Meter.CreateCounter<long>("depotjobs.references.chased");

    public sealed record PendingReference(string RequestId, long ApplicationId, long CandidateId, Referee Referee, DateTimeOffset SentAt, int Chases);

    public List<PendingReference> Pending { get; } = new();

    private PendingReference? _current;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var activity = Source.StartActivity("depotjobs.references.chase");
        var late = Pending.Where(p => DateTimeOffset.UtcNow - p.SentAt > options.ReferenceChaseAfter).ToList();
        activity?.SetTag("depotjobs.references.late", late.Count); // clean precision-about
        activity?.SetTag("depotjobs.references.oldest_days", late.Count == 0 ? 0 : late.Max(p => (DateTimeOffset.UtcNow - p.SentAt).TotalDays)); // clean precision-about
        foreach (var reference in late)
        {
            _current = reference;
            TagCurrent(activity);
            logger.LogWarning("Reference " + reference.RequestId + " for candidate " + reference.CandidateId + " is late"); // leak TC1001 strings
            activity?.SetTag("depotjobs.chase.mailto", $"mailto:{reference.Referee.Email}?subject=Reference%20{reference.RequestId}"); // leak TC1001 strings
            Chased.Add(1, new KeyValuePair<string, object?>("depotjobs.chase", reference.Chases + 1)); // clean precision-about
            logger.LogInformation("Chasing reference {RequestId} from {Organisation} (chase {Chase})", reference.RequestId, reference.Referee.Organisation, reference.Chases + 1); // clean precision-names
            logger.LogInformation("Chasing {Referee} on {Phone}", reference.Referee.Name, reference.Referee.Phone); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("reference.chased", tags: new ActivityTagsCollection { ["request"] = reference.RequestId, ["candidate"] = pseudonymizer.ComputeDepotjobsCandidateId(reference.CandidateId) })); // clean precision-pseudonym
            activity?.AddEvent(new ActivityEvent("reference.chased.raw", tags: new ActivityTagsCollection { ["candidate"] = reference.CandidateId })); // leak TC1001 direct
        }
        logger.LogDebug("Late references {@Late}", late); // leak TC1001 logging-objects
        logger.LogDebug("Late reference ids {Ids}", late.Select(p => p.RequestId)); // clean precision-names
        return Task.CompletedTask;
    }

    private void TagCurrent(Activity? activity)
    {
        activity?.SetTag("depotjobs.current.referee", _current?.Referee.Email); // leak TC1001 cross-member
        activity?.SetTag("depotjobs.current.request", _current?.RequestId); // clean cross-member
        activity?.SetTag("depotjobs.current.relationship", _current?.Referee.Relationship); // clean cross-member
    }
}
