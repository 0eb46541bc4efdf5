namespace PrivacyHoldout124.Media;

/// <summary>A vote in the live final, from the app (a signed-in viewer) or by text (the sender's number).</summary>
public sealed record FinalVote(string ShowId, string ActCode, string? ViewerId, string? Msisdn, string Channel, DateTimeOffset ReceivedAt);

/// <summary>
/// Voting in the talent show's live final: each viewer has five votes per line; votes arrive from the app and
/// by premium-rate text, are de-duplicated and counted live for the presenters' screen.
/// </summary>
public sealed class TalentShowVoting(ActivitySource source, ILogger<TalentShowVoting> logger, Meter meter, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private readonly StreamliveActionsCounter _actions = meter.CreateStreamliveActionsCounter();
    private readonly Counter<long> _votes = meter.CreateCounter<long>("final.votes");
    private readonly ConcurrentDictionary<string, int> _perVoter = new();

    public bool Count(FinalVote vote)
    {
        using var span = source.StartStreamliveLive(vote.ShowId);
        var voter = vote.ViewerId ?? vote.Msisdn ?? "unknown";
        var used = _perVoter.AddOrUpdate(voter, 1, (_, n) => n + 1);

        span.SetStreamliveItem(vote.ActCode); // clean precision-names
        _votes.Add(1, new("act", vote.ActCode), new("channel", vote.Channel)); // clean precision-about
        if (used > 5)
        {
            _actions.Add(1, vote.ShowId, "over-limit"); // clean precision-about
            logger.LogStreamliveActionRejectedEvent(vote.ShowId, "over-limit", streamliveNote: $"{voter} used {used} votes"); // leak TC1001 generated-api
            span.Activity?.SetTag("final.voter", voter); // leak TC1001 direct
            return false;
        }

        if (vote.Msisdn is { } msisdn)
        {
            span.Activity?.SetTag("final.sms.country", msisdn[..3]); // clean precision-about
            span.Activity?.SetTag(StreamliveAttributes.ViewerContact, pseudonymizer.ComputeStreamliveViewerId(msisdn)); // leak TC1001 precision-pseudonym
            using var hmac = new HMACSHA256(secrets.PseudonymKey);
            logger.LogDebug("Text vote from {Sender}", Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(msisdn)))[..16]); // clean hashes
            logger.LogDebug("Text vote dedupe key {Key}", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(msisdn)))); // leak TC1002 hashes
        }
        else
        {
            span.SetStreamliveViewerId(pseudonymizer.PseudonymizeStreamliveViewerId(vote.ViewerId!)); // clean precision-pseudonym
        }

        logger.LogTrace("Counted {Vote}", vote); // leak TC1001 logging-objects
        return true;
    }

    public void Standings(string showId, IReadOnlyDictionary<string, long> byAct)
    {
        logger.LogInformation("Standings for {Show}: {@ByAct}", showId, byAct); // clean logging-objects
        Activity.Current?.SetTag("final.leader", byAct.MaxBy(kv => kv.Value).Key); // clean cross-member
        logger.LogInformation("{Voters} voters, {Capped} at the limit", _perVoter.Count, _perVoter.Count(kv => kv.Value >= 5)); // clean precision-about
        logger.LogDebug("Capped voters {Capped}", _perVoter.Where(kv => kv.Value >= 5).Select(kv => kv.Key).ToList()); // leak TC1001 logging-objects
    }
}
