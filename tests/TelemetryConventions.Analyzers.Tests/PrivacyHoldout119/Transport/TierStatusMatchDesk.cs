namespace PrivacyHoldout119.Transport;

/// <summary>An uploaded proof of another operator's or an airline's status, for a status match.</summary>
public sealed record MatchUpload(Guid RiderAccountId, string RiderName, string OtherScheme, string OtherMembershipNumber, string OtherTier, string FileName, byte[] Content);

/// <summary>
/// The frequent rider desk's status-match queue: riders upload a card or statement from another
/// scheme, an agent approves a matched tier for a trial period.
/// </summary>
public sealed class TierStatusMatchDesk(Pseudonymizer pseudonymizer, ILogger<TierStatusMatchDesk> logger)
{
    private const string Programme = "frequent-rider";
    private static readonly ActivitySource Source = new("Transit.FrequentRider.StatusMatch");
    private static readonly Meter Meter = new("Transit.FrequentRider.StatusMatch");
    private static readonly Counter<long> Uploads = Meter.CreateCounter<long>("milesrwd.match.uploads");
    private readonly Queue<MatchUpload> _queue = new();

    public void Enqueue(MatchUpload upload)
    {
        _queue.Enqueue(upload);
        var storedAs = $"status-match/{upload.RiderAccountId:N}/{upload.FileName}";
        using var span = Source.StartMilesrwdRedeem(Programme).SetMilesrwdTier(upload.OtherTier);
        span.Activity?.SetTag("milesrwd.match.scheme", upload.OtherScheme); // clean precision-names
        span.Activity?.SetTag("milesrwd.match.blob", storedAs); // leak TC1001 strings
        span.Activity?.SetTag("milesrwd.match.bytes", upload.Content.Length); // clean precision-about
        span.Activity?.SetTag("milesrwd.match.file_type", Path.GetExtension(upload.FileName)); // clean precision-about
        Uploads.Add(1, new KeyValuePair<string, object?>("scheme", upload.OtherScheme), new KeyValuePair<string, object?>("tier", upload.OtherTier)); // clean precision-names
        logger.LogInformation("Status match upload from {Rider} ({Scheme} {Number})", upload.RiderName, upload.OtherScheme, upload.OtherMembershipNumber); // leak TC1001 direct
        logger.LogInformation("Queue now {Depth}", _queue.Count); // clean precision-about
    }

    public StatusMatchDecision? ReviewNext(string agentStaffId, bool approve)
    {
        if (!_queue.TryDequeue(out var upload))
        {
            return null;
        }

        using var span = Source.StartMilesrwdRedeem(Programme)
            .SetMilesrwdMemberId(pseudonymizer.PseudonymizeMilesrwdMemberId(upload.RiderAccountId.ToString())); // clean precision-pseudonym
        var request = new StatusMatchRequest($"smr-{Guid.NewGuid():N}", upload.RiderAccountId.ToString(), upload.OtherScheme, upload.OtherMembershipNumber, upload.OtherTier) { ProofFileName = upload.FileName };
        var decision = new StatusMatchDecision(request.RequestId, approve, approve ? "silver" : "none", approve ? "proof-accepted" : "proof-unreadable", DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(3)));
        span.Activity?.AddEvent(new ActivityEvent("milesrwd.match.reviewed", tags: new ActivityTagsCollection { ["request"] = request })); // leak TC1001 logging-objects
        span.Activity?.AddEvent(new ActivityEvent("milesrwd.match.decided", tags: new ActivityTagsCollection { ["decision"] = decision.ToString() })); // clean logging-objects
        span.SetMilesrwdAgentId(pseudonymizer.PseudonymizeMilesrwdAgentId(agentStaffId)); // clean precision-pseudonym
        span.Activity?.SetTag("milesrwd.match.agent", agentStaffId); // leak TC1001 direct
        span.SetMilesrwdNote(upload.OtherScheme + " " + upload.OtherMembershipNumber); // leak TC1001 generated-api
        span.SetMilesrwdOutcome(decision.Reason); // clean generated-api
        var proofKey = BitConverter.ToString(SHA1.HashData(upload.Content));
        span.Activity?.SetTag("milesrwd.match.proof_sha1", proofKey); // clean hashes
        span.Activity?.SetTag("milesrwd.match.member_md5", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(upload.OtherMembershipNumber)))); // leak TC1002 hashes
        var disposition = $"attachment; filename=\"{upload.RiderName.Replace(' ', '_')}-{upload.OtherScheme}.pdf\"";
        logger.LogDebug("Proof served with {ContentDisposition}", disposition); // leak TC1001 strings
        return decision;
    }
}
