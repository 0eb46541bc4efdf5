namespace PrivacyHoldout195.Media;

/// <summary>A broadcaster's repository for a documentary on donor conception: contributors, some of them donors who stay anonymous.</summary>
public sealed class DonorDocumentaryRepository(
    IContributorStore contributors,
    IDonorRegister donors,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<DonorDocumentaryRepository> logger)
{
    private readonly Counter<long> _clipsLoaded = meter.CreateCounter<long>("documentary.clips.loaded");
    private DocumentaryContributor? _current;

    public DocumentaryContributor? Load(string contributorId)
    {
        using var activity = source.StartActivity("documentary.contributor.load");
        activity?.SetTag("documentary.contributor.id", contributorId); // leak TC1001 direct
        activity?.SetTag("documentary.contributor_release_form.id", $"REL-{Guid.NewGuid():N}"); // clean precision-names

        _current = contributors.Find(contributorId);
        if (_current is null)
        {
            return null;
        }

        activity?.SetTag("documentary.contributor.role", _current.Role); // clean precision-about
        activity?.SetTag("documentary.contributor.anonymous", _current.WantsAnonymity); // clean precision-about
        activity?.SetTag("documentary.contributor.is_donor", _current.DonorCode is not null); // clean precision-about
        activity?.SetTag("documentary.contributor.name", _current.FullName); // leak TC1001 direct
        activity?.SetTag("documentary.donor.code", _current.DonorCode); // leak TC1001 direct
        if (_current.DonorCode is { } code)
        {
            var donor = pseudonymizer.Pseudonymize(IdentifierSpaces.Donor, code);
            activity?.SetTag("documentary.donor", donor.Value); // clean precision-pseudonym
            _clipsLoaded.Add(1, new KeyValuePair<string, object?>("donor", donor.Value)); // leak TC1003 precision-pseudonym
        }

        logger.LogInformation("Contributor loaded {Contributor}", _current); // leak TC1001 logging-objects
        logger.LogInformation("Contributor loaded as {Role}, anonymous: {Anonymous}", _current.Role, _current.WantsAnonymity); // clean precision-about
        return _current;
    }

    public IReadOnlyList<InterviewClip> Clips(string contributorId)
    {
        using var activity = source.StartActivity("documentary.clips");
        var clips = contributors.ClipsFor(contributorId);
        activity?.SetTag("documentary.clip.count", clips.Count); // clean precision-about
        activity?.SetTag("documentary.clip.seconds", clips.Sum(c => c.Seconds)); // clean precision-about
        _clipsLoaded.Add(clips.Count, new KeyValuePair<string, object?>("programme", clips.FirstOrDefault()?.ProgrammeId)); // clean precision-about
        foreach (var clip in clips)
        {
            activity?.AddEvent(new ActivityEvent("documentary.clip", tags: new ActivityTagsCollection { ["clip"] = clip.ClipId, ["seconds"] = clip.Seconds })); // clean precision-names
            activity?.AddEvent(new ActivityEvent("documentary.clip.transcript", tags: new ActivityTagsCollection { ["text"] = clip.Transcript })); // leak TC1001 direct
            logger.LogDebug("Clip {@Clip}", clip); // leak TC1001 logging-objects
            logger.LogDebug("Clip {ClipId} words {Words}", clip.ClipId, clip.Transcript.Split(' ').Length); // clean precision-about
            var fingerprint = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(clip.Transcript)));
            logger.LogDebug("Clip fingerprint {Fingerprint}", fingerprint); // leak TC1002 hashes
            var keyedFingerprint = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(clip.Transcript)));
            logger.LogDebug("Clip fingerprint {Fingerprint}", keyedFingerprint); // clean hashes
        }

        var opening = string.Concat(clips.Take(2).Select(c => c.Transcript));
        logger.LogInformation("Opening lines: {Opening}", opening); // leak TC1001 strings
        logger.LogInformation("Edit {@Cut}", new EpisodeCut(clips.FirstOrDefault()?.ProgrammeId ?? "none", 2, clips.Count, clips.Sum(c => c.Seconds))); // clean logging-objects
        return clips;
    }

    public void LinkDonor(string recipientPatientNumber)
    {
        using var span = source.StartDocuvaultOperation("documentary-desk");
        span.SetDocuvaultPatientId(pseudonymizer.PseudonymizeDocuvaultPatientId(recipientPatientNumber)); // clean generated-api
        span.SetDocuvaultStage("research"); // clean generated-api
        span.SetDocuvaultNote("matching donor-conceived contributor"); // clean generated-api
        span.SetDocuvaultNote(_current?.Email ?? "none"); // leak TC1001 generated-api
        meter.CreateDocuvaultOperationsCounter().Add(1, "documentary-desk", "linked"); // clean generated-api
        meter.CreateDocuvaultOperationDurationHistogram().Record(0.2, "documentary-desk"); // clean generated-api

        foreach (var match in donors.Matches(recipientPatientNumber))
        {
            Activity.Current?.SetTag("documentary.match.id", match.MatchId); // clean precision-names
            Activity.Current?.SetTag("documentary.match.score", match.Score); // clean precision-about
            Activity.Current?.SetTag("documentary.match.donor_type", match.DonorType); // clean precision-names
            logger.LogInformation("Match {Match}", new DonorMatchSummary(match.MatchId, match.DonorType, "documentary", match.Score)); // clean logging-objects
            logger.LogInformation("Match {Match}", match); // leak TC1001 logging-objects
            logger.LogInformation("Match {MatchId} recipient {Recipient}", match.MatchId, match.RecipientPatientNumber); // leak TC1001 direct
            var profile = donors.Find(match.DonorCode);
            if (profile is null)
            {
                continue;
            }

            Activity.Current?.SetTag("documentary.donor.families", profile.FamiliesCreated); // clean precision-about
            Activity.Current?.SetTag("documentary.donor.identity_release", profile.IdentityReleaseConsented); // clean precision-about
            Activity.Current?.SetTag("documentary.donor.ethnicity", profile.Ethnicity); // clean precision-about
            Activity.Current?.SetTag("documentary.donor.birth_year", profile.DateOfBirth.Year); // clean precision-about
            logger.LogInformation("Donor {DonorName} <{DonorEmail}>", profile.FullName, profile.Email); // leak TC1001 direct
            logger.LogInformation("Donor {@Donor}", profile with { Email = string.Empty }); // leak TC1001 logging-objects
            var donorKey = SHA256.HashData(Encoding.UTF8.GetBytes(profile.DonorCode));
            Activity.Current?.SetTag("documentary.donor.key", Convert.ToBase64String(donorKey)); // leak TC1002 hashes
            using var scope = logger.BeginScope(new Dictionary<string, object?> { ["DonorCode"] = profile.DonorCode }); // leak TC1001 logging-objects
            using var safeScope = logger.BeginScope(new Dictionary<string, object?> { ["MatchId"] = match.MatchId, ["DonorType"] = profile.DonorType }); // clean logging-objects
            DocumentaryLog.DonorReviewed(logger, match.MatchId, profile.DonorCode); // clean logging-objects
            try
            {
                if (profile.FamiliesCreated >= 10)
                {
                    throw new DonorLimitReachedException(profile.DonorCode, profile.FamiliesCreated);
                }

                donors.RecordFamily(profile.DonorCode, recipientPatientNumber);
            }
            catch (DonorLimitReachedException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogDocuvaultOperationFailedEvent("documentary-desk", "donor-limit", pseudonymizer.PseudonymizeDocuvaultPatientId(recipientPatientNumber), "donor limit reached"); // clean generated-api
                logger.LogWarning("Donor limit reached: {Reason}", ex.Message); // leak TC1001 exceptions
                Activity.Current?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            }
        }
    }
}

internal static partial class DocumentaryLog
{
    [LoggerMessage(EventId = 7401, Level = LogLevel.Information, Message = "Match {MatchId} reviewed for donor {DonorCode}")]
    public static partial void DonorReviewed(ILogger logger, string matchId, [PrivateData] string donorCode);
}
