namespace PrivacyHoldout124.Energy;

/// <summary>
/// Live polls and questions at the community energy scheme's online members' meetings: members vote on the
/// solar farm's proposals from the app, with their account number, and send questions to the board.
/// </summary>
public sealed class CommunityEnergyLivePoll(ActivitySource source, ILogger<CommunityEnergyLivePoll> logger, Meter meter, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private readonly Counter<long> _votes = meter.CreateCounter<long>("members.poll.votes");
    private readonly Counter<long> _participation = meter.CreateCounter<long>("members.poll.participation");
    private readonly HashSet<string> _voted = new();

    public void Vote(Poll poll, PollVote vote, string memberEmail)
    {
        using var span = source.StartFlexliveLive(poll.SessionId);
        if (!_voted.Add($"{poll.PollId}:{vote.VoterId}"))
        {
            var ex = new DuplicateVoteException(poll.PollId, vote.VoterId);
            span.RecordException(ex); // clean exceptions
            logger.LogWarning(ex, "Duplicate vote"); // leak TC1001 exceptions
            return;
        }

        span.SetFlexliveItem($"{poll.PollId}:{vote.OptionId}"); // clean precision-names
        _votes.Add(1, new("poll", poll.PollId), new("option", vote.OptionId)); // clean precision-about
        _participation.Add(1, new KeyValuePair<string, object?>("member", vote.VoterId)); // leak TC1003 direct
        logger.LogInformation("Poll {Poll}", poll); // clean logging-objects
        span.Activity?.SetTag("flex.member.has_email", memberEmail.Length > 0); // clean precision-about
        span.SetFlexliveNote($"vote from {memberEmail}"); // leak TC1001 generated-api
    }

    public void Close(Poll poll, PollTally tally)
    {
        logger.LogInformation("Poll closed {Tally}", tally); // clean logging-objects
        logger.LogInformation("Votes by option {@ByOption}", tally.ByOption); // clean logging-objects
        Activity.Current?.SetTag("poll.turnout", tally.TotalVotes); // clean precision-about
        logger.LogDebug("Voters this session: {Voters}", string.Join(";", _voted)); // leak TC1001 strings

        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        var sampled = _voted.Select(v => Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(v)))[..16]).Take(5);
        logger.LogDebug("Sampled voters {Sample}", sampled); // clean hashes
    }
}
