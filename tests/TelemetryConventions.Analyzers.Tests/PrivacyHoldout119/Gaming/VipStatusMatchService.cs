namespace PrivacyHoldout119.Gaming;

/// <summary>A player's claim to another publisher's VIP status, from the support form.</summary>
public sealed record StatusMatchForm(Guid PlayerId, string Gamertag, string OtherPublisher, string OtherMemberId, string OtherTier, string ScreenshotFileName);

/// <summary>Reviews status-match claims: a player who holds a VIP tier elsewhere is matched for ninety days.</summary>
public sealed class VipStatusMatchService(Pseudonymizer pseudonymizer, ILogger<VipStatusMatchService> logger)
{
    private const string Programme = "vip-club";
    private static readonly ActivitySource Source = new("Publisher.Vip.StatusMatch");
    private static readonly Meter Meter = new("Publisher.Vip.StatusMatch");
    private static readonly Counter<long> Matches = Meter.CreateCounter<long>("viprwd.status_match.decisions");
    private static readonly string[] Recognised = ["gold", "platinum", "diamond"];

    public StatusMatchDecision Review(StatusMatchForm form, string reviewerStaffId)
    {
        var request = new StatusMatchRequest($"sm-{Guid.NewGuid():N}", form.PlayerId.ToString(), form.OtherPublisher, form.OtherMemberId, form.OtherTier) { ProofFileName = form.ScreenshotFileName };
        using var span = Source.StartViprwdRedeem(Programme)
            .SetViprwdMemberId(pseudonymizer.PseudonymizeViprwdMemberId(form.PlayerId.ToString())) // clean precision-pseudonym
            .SetViprwdTier(form.OtherTier); // clean generated-api
        span.Activity?.SetTag("viprwd.match.request", request.RequestId); // clean precision-names
        span.Activity?.SetTag("viprwd.match.publisher", form.OtherPublisher); // clean precision-names
        span.Activity?.SetTag("viprwd.match.other_member", form.OtherMemberId); // leak TC1001 direct
        span.Activity?.SetTag("viprwd.match.proof", form.ScreenshotFileName.Length > 0); // clean precision-about
        span.Activity?.SetTag("enduser.id", form.Gamertag); // leak TC1001 direct
        logger.LogInformation("Status match requested: {Request}", request); // leak TC1001 logging-objects

        var approved = Recognised.Contains(form.OtherTier, StringComparer.OrdinalIgnoreCase);
        var decision = new StatusMatchDecision(request.RequestId, approved, approved ? "gold" : "none", approved ? "recognised-tier" : "tier-not-recognised", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90)));
        logger.LogInformation("Status match decided: {Decision}", decision); // clean logging-objects
        span.SetViprwdOutcome(decision.Reason); // clean generated-api
        span.SetViprwdNote($"matched {form.Gamertag} from {form.OtherPublisher}"); // leak TC1001 generated-api
        Matches.Add(1, new KeyValuePair<string, object?>("publisher", form.OtherPublisher), new KeyValuePair<string, object?>("approved", approved)); // clean precision-names
        Matches.Add(0, new KeyValuePair<string, object?>("reviewer", pseudonymizer.ComputeViprwdAgentId(reviewerStaffId))); // leak TC1003 precision-pseudonym
        using (logger.BeginScope(new Dictionary<string, object?> { ["Reviewer"] = pseudonymizer.ComputeViprwdAgentId(reviewerStaffId), ["RequestId"] = request.RequestId })) // clean precision-pseudonym
        {
            logger.LogInformation("Review recorded for a claim of {Len} characters of member id", form.OtherMemberId.Length); // clean precision-about
        }

        return decision;
    }
}
