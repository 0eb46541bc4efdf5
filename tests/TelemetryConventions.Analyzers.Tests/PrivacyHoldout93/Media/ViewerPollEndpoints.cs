namespace PrivacyHoldout93.Media;

/// <summary>
/// Live viewer polls during a programme: viewers vote in the app (signed in or not) or by text message to a short
/// code; one vote per viewer per poll; the running totals go back to the studio's graphics.
/// </summary>
public sealed class ViewerPollEndpoints(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    FormTelemetry telemetry,
    ILogger<ViewerPollEndpoints> logger)
{
    private readonly PanelSubmissionsCounter _votes = telemetry.Meter.CreatePanelSubmissionsCounter();
    private readonly Counter<long> _votesByChoice = telemetry.Meter.CreateCounter<long>("poll.votes.by_choice");
    private readonly HashSet<string> _voted = new(StringComparer.Ordinal);

    public sealed record AppVote(string PollId, string ProgrammeId, string Choice, string? ViewerId, string DeviceId);

    public sealed record SmsVote(string PollId, string ProgrammeId, string Msisdn, string Body, string ShortCode);

    public void Map(EndpointRoutes routes)
    {
        routes.MapPost("/polls/{pollId}/votes", VoteInApp);
        routes.MapPost("/polls/sms-inbound", VoteBySms);
    }

    private ActionResult VoteInApp(AppVote vote)
    {
        using var span = telemetry.Source.StartPanelSubmit(vote.PollId, spanName: "poll.vote")
            .SetPanelProgramme(vote.ProgrammeId) // clean precision-names
            .SetPanelChannel("app")
            .SetPanelAnonymous(vote.ViewerId is null);
        span.Activity?.SetTag("poll.choice", vote.Choice); // clean precision-names
        var voter = vote.ViewerId ?? vote.DeviceId;
        if (!_voted.Add($"{vote.PollId}:{voter}"))
        {
            logger.LogInformation("Duplicate vote on {PollId} from {Voter}", vote.PollId, voter); // leak TC1001 direct
            span.SetPanelOutcome("duplicate");
            return new OkResult(null);
        }
        if (vote.ViewerId is not null)
        {
            span.SetPanelRespondentId(pseudonymizer.PseudonymizePanelRespondentId(vote.ViewerId)); // clean precision-pseudonym
        }
        logger.LogDebug("Vote {Vote}", vote); // leak TC1001 logging-objects
        _votes.Add(1, vote.PollId, "app", "counted"); // clean generated-api
        _votesByChoice.Add(1, new KeyValuePair<string, object?>("poll", vote.PollId), new KeyValuePair<string, object?>("choice", vote.Choice)); // clean precision-names
        return new OkResult(null);
    }

    private ActionResult VoteBySms(SmsVote vote)
    {
        using var span = telemetry.Source.StartPanelSubmit(vote.PollId, spanName: "poll.vote.sms").SetPanelChannel("sms");
        span.Activity?.SetTag("poll.short_code", vote.ShortCode); // clean precision-names
        span.Activity?.SetTag("poll.sms.country", vote.Msisdn.StartsWith("+44", StringComparison.Ordinal) ? "GB" : "other"); // clean precision-about
        var choice = vote.Body.Trim().ToUpperInvariant();
        if (choice is not ("A" or "B" or "C"))
        {
            span.SetPanelOutcome("unparsed").SetPanelNote($"unparsed SMS body '{vote.Body}'"); // leak TC1001 generated-api
            return new BadRequestResult(null);
        }
        var voterKey = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(vote.Msisdn)));
        if (!_voted.Add($"{vote.PollId}:{voterKey}"))
        {
            span.Activity?.SetTag("poll.voter", voterKey[..16]); // clean hashes
            logger.LogInformation("Repeat SMS vote on {PollId} from {Msisdn}", vote.PollId, vote.Msisdn); // leak TC1001 direct
            return new OkResult(null);
        }
        logger.LogInformation("SMS vote {Choice} on {PollId} from ...{Last4}", choice, vote.PollId, vote.Msisdn[^4..]); // clean precision-about
        span.Activity?.SetTag(PanelAttributes.RespondentContact, vote.Msisdn); // leak TC1001 generated-api
        Activity.Current?.SetBaggage("poll.voter", pseudonymizer.ComputePanelRespondentId(vote.Msisdn)); // clean precision-pseudonym
        _votes.Add(1, vote.PollId, "sms", $"counted:{vote.Msisdn}"); // leak TC1003 strings
        _votesByChoice.Add(1, new KeyValuePair<string, object?>("poll", vote.PollId), new KeyValuePair<string, object?>("choice", choice)); // clean precision-names
        return new OkResult(null);
    }
}
