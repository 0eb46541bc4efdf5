namespace PrivacyHoldout209.Media;

public sealed record FilmingConsent(string ConsentId, string FixtureId, string MemberRef, string ChildName, string ParentName, bool MayShowFace);

public sealed record HighlightClip(string ClipId, string FixtureId, int Minute, string Caption, int FacesBlurred);

/// <summary>A broadcaster's grassroots football coverage: filming consents, results and player-of-the-match clips.</summary>
public sealed class GrassrootsCoverageRepository(
    IConsentStore consents,
    IMemberStore members,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<GrassrootsCoverageRepository> logger)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout209.Media.Grassroots");
    private static readonly Meter Meter = new("PrivacyHoldout209.Media.Grassroots");
    private static readonly Counter<long> ClipsPublished = Meter.CreateCounter<long>("grassroots.clips.published");

    private readonly Dictionary<string, int> _blurRequestsByChild = new();
    private string? _lastBlurredChild;

    public async Task<bool> CheckFilmingConsentAsync(FilmingConsent consent, CancellationToken cancellationToken)
    {
        using var span = Source.StartMatchcastOperation("studio-b");
        span.SetMatchcastKind("consent"); // clean generated-api
        span.SetMatchcastMemberId(pseudonymizer.PseudonymizeMatchcastMemberId(consent.MemberRef)); // clean precision-pseudonym
        span.Activity?.SetTag("consent.id", consent.ConsentId); // clean precision-names
        span.Activity?.SetTag("consent.fixture", consent.FixtureId); // clean precision-names
        span.Activity?.SetTag("consent.may_show_face", consent.MayShowFace); // clean precision-about
        span.Activity?.SetTag("consent.child", consent.ChildName); // leak TC1001 direct
        span.Activity?.SetTag("consent.parent", consent.ParentName); // leak TC1001 direct

        var stored = await consents.FindAsync(consent.MemberRef, "filming", cancellationToken);
        if (stored is null)
        {
            var ex = new ConsentMissingException(consent.ChildName, "filming");
            span.SetMatchcastOutcome("missing"); // clean generated-api
            span.SetMatchcastNote(ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Filming consent missing: {Type}", ex.GetType().Name); // clean exceptions
            logger.LogMatchcastOperationFailedEvent("studio-b", "missing", pseudonymizer.PseudonymizeMatchcastMemberId(consent.MemberRef), $"no consent for {consent.ChildName}"); // leak TC1001 generated-api
            return false;
        }

        if (!consent.MayShowFace)
        {
            _blurRequestsByChild[consent.MemberRef] = _blurRequestsByChild.GetValueOrDefault(consent.MemberRef) + 1;
            _lastBlurredChild = consent.ChildName;
        }

        logger.LogInformation("Filming consent {Consent}", consent); // leak TC1001 logging-objects
        logger.LogInformation("Filming consent {@Consent}", consent with { MemberRef = "", ChildName = "", ParentName = "" }); // clean logging-objects
        logger.LogInformation("Consent record {@Stored}", stored); // leak TC1001 logging-objects
        span.SetMatchcastOutcome(stored.Granted ? "accepted" : "rejected"); // clean generated-api
        return stored.Granted;
    }

    public void PublishClip(HighlightClip clip, PlayerOfMatch? scorer)
    {
        using var activity = Source.StartActivity("clip.publish");
        activity?.SetTag("clip.id", clip.ClipId); // clean precision-names
        activity?.SetTag("clip.minute", clip.Minute); // clean precision-about
        activity?.SetTag("clip.faces_blurred", clip.FacesBlurred); // clean precision-about
        activity?.SetTag("clip.caption_length", clip.Caption.Length); // clean precision-about
        logger.LogInformation("Clip {Clip}", clip with { Caption = "" }); // clean logging-objects
        ClipsPublished.Add(1, new KeyValuePair<string, object?>("fixture", clip.FixtureId)); // clean precision-names

        if (scorer is not null)
        {
            activity?.SetTag("clip.scorer", scorer.PlayerName); // leak TC1001 direct
            activity?.SetTag("clip.scorer_team", scorer.Team); // clean precision-about
            activity?.AddEvent(new ActivityEvent("clip.scorer", tags: new ActivityTagsCollection { ["scorer.ref"] = scorer.MemberRef })); // leak TC1001 direct
            ClipsPublished.Add(1, new KeyValuePair<string, object?>("scorer", scorer.MemberRef)); // leak TC1003 direct
            ClipsPublished.Add(1, new KeyValuePair<string, object?>("scorer.p", pseudonymizer.ComputeMatchcastMemberId(scorer.MemberRef))); // leak TC1003 precision-pseudonym
            var caption = string.Format("{0} scores for {1} in minute {2}", scorer.PlayerName, scorer.Team, clip.Minute);
            logger.LogInformation(caption); // leak TC1001 strings
            logger.LogInformation("Scorer {@Scorer}", scorer); // leak TC1001 logging-objects
            logger.LogInformation(string.Format("Goal for {0} in minute {1}", scorer.Team, clip.Minute)); // clean strings
            var scorerKey = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(scorer.MemberRef)));
            activity?.SetTag("clip.scorer_key", scorerKey); // leak TC1002 hashes
        }

        Meter.CreateMatchcastOperationsCounter().Add(1, "studio-b", "accepted"); // clean generated-api
    }

    public async Task RecordResultAsync(MatchResult result, IReadOnlyList<string> scorerRefs, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("result.record");
        activity?.SetTag("fixture.id", result.FixtureId); // clean precision-names
        activity?.SetTag("fixture.team", result.Team); // clean precision-about
        activity?.SetTag("fixture.goals", result.GoalsFor); // clean precision-about
        logger.LogInformation("Result {@Result}", result); // clean logging-objects
        activity?.SetTag("fixture.scorers", scorerRefs.ToArray()); // leak TC1001 direct
        activity?.SetTag("fixture.scorer_count", scorerRefs.Count); // clean precision-about

        var scorerNames = new List<string>();
        foreach (var scorerRef in scorerRefs)
        {
            var member = await members.FindAsync(scorerRef, cancellationToken);
            if (member is not null)
            {
                scorerNames.Add($"{member.FirstName} {member.LastName}");
            }
        }

        logger.LogInformation($"Scorers: {string.Join(", ", scorerNames)}"); // leak TC1001 strings
        logger.LogInformation($"Result: {result.Team} {result.GoalsFor}-{result.GoalsAgainst} {result.Opponent}"); // clean strings

        var hashedRefs = scorerRefs.Select(r => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(r)))[..16]).ToList();
        logger.LogDebug("Scorer hashes {Hashes}", hashedRefs); // leak TC1002 hashes
        var keyedRefs = scorerRefs.Select(r => Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(r)))[..16]).ToList();
        logger.LogDebug("Scorer keys {Keys}", keyedRefs); // clean hashes
    }

    public void ReportBlurRequests()
    {
        Activity.Current?.SetTag("blur.children", _blurRequestsByChild.Count); // clean cross-member
        Activity.Current?.SetTag("blur.requests", _blurRequestsByChild.Values.Sum()); // clean cross-member
        logger.LogInformation("Blur requests {Requests}", _blurRequestsByChild); // leak TC1001 cross-member
        Activity.Current?.SetTag("blur.last_child", _lastBlurredChild); // leak TC1001 cross-member
        Meter.CreateMatchcastOperationDurationHistogram().Record(1.2, "studio-b"); // clean generated-api
    }
}
