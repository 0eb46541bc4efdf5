namespace PrivacyHoldout131.Media;

/// <summary>
/// Syncs complaints about billing and service outages referred to the communications ombudsman, and pays the
/// awards it makes as account credit.
/// </summary>
public sealed class CommunicationsOmbudsmanCaseSync(
    IOmbudsmanPortal ombudsman,
    IComplaintsStore complaints,
    IStoreCreditLedger accountCredit,
    Pseudonymizer pseudonymizer,
    ILogger<CommunicationsOmbudsmanCaseSync> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Complaints.Ombudsman");
    private static readonly Meter Meter = new("Streaming.Complaints.Ombudsman");
    private static readonly Counter<long> Awards = Meter.CreateCounter<long>("complaints.ombudsman.awards");

    private readonly Dictionary<string, string> _openBySubscriber = new();

    public async Task SyncAsync(DateTimeOffset since, CancellationToken ct)
    {
        using var span = Source.StartSubrefundCase($"sync-{since:yyyyMMdd}");
        var decisions = await ombudsman.DecisionsSinceAsync(since, ct);
        span.SetSubrefundItemCount(decisions.Count); // clean precision-about
        logger.LogInformation("Ombudsman decisions {Decisions}", decisions); // clean logging-objects
        Awards.Add(decisions.Count(d => d.Upheld), new KeyValuePair<string, object?>("upheld", true)); // clean precision-about

        foreach (var decision in decisions)
        {
            var complaint = await complaints.FindAsync(decision.ComplaintRef, ct);
            if (complaint is null)
            {
                logger.LogWarning(new ComplaintNotFoundException(decision.ComplaintRef), "Decision {CaseRef} for an unknown complaint", decision.CaseRef); // clean exceptions
                continue;
            }

            _openBySubscriber[complaint.ComplainantRef] = decision.CaseRef;
            using var scope = logger.BeginScope("Complaint {ComplaintRef} from {Complainant}", complaint.ComplaintRef, complaint.ComplainantRef); // leak TC1001 logging-objects
            logger.LogInformation("Outcome {Outcome}, remedies {Remedies}", decision.Outcome, decision.Remedies.Count); // clean precision-about

            if (decision.AwardAmount > 0)
            {
                var credit = await accountCredit.IssueAsync(complaint.ComplainantRef, decision.AwardAmount, "ombudsman-award", ct);
                logger.LogInformation("Award {CreditId} of {Amount} credited", credit.CreditId, credit.Amount); // clean precision-names
                logger.LogInformation("Award credited to {Name} ({Email})", complaint.ComplainantName, complaint.ComplainantEmail); // leak TC1001 direct
                Activity.Current?.AddEvent(new ActivityEvent("ombudsman.award", tags: new ActivityTagsCollection { ["case"] = decision.CaseRef, ["amount"] = (double)decision.AwardAmount })); // clean precision-names
            }
        }

        Activity.Current?.SetTag("ombudsman.open_subscribers", string.Join(",", _openBySubscriber.Keys)); // leak TC1001 cross-member
        Activity.Current?.SetTag("ombudsman.open_cases", string.Join(",", _openBySubscriber.Values)); // clean cross-member
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", _openBySubscriber.Keys.Order()))));
        Activity.Current?.SetTag("ombudsman.open_fingerprint", fingerprint[..16]); // leak TC1002 hashes
        span.SetSubrefundClaimantId(pseudonymizer.PseudonymizeSubrefundClaimantId(_openBySubscriber.Keys.FirstOrDefault() ?? "none")); // clean precision-pseudonym
    }
}
