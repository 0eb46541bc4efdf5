namespace PrivacyHoldout138.Healthcare;

/// <summary>A patient's story for the trust's website and social channels, with the photos and the signed release.</summary>
public sealed record PatientStory(string StoryId, string NhsNumber, string PatientName, string PatientEmail, string Channel, string Ward, IReadOnlyList<string> AssetIds, string Quote);

public sealed class PatientStoryReleaseService(
    IRightsRegistry rights,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PatientStoryReleaseService> logger)
{
    private readonly Counter<long> _withdrawn = meter.CreateCounter<long>("carestory.release.withdrawn", "{release}");
    private string? _lastWithdrawnNhsNumber;

    public async Task<bool> ClearForPublicationAsync(PatientStory story, CancellationToken cancellationToken)
    {
        using var span = source.StartCarestoryRelease(story.StoryId)
            .SetCarestoryChannel(story.Channel)
            .SetCarestoryPatientId(pseudonymizer.PseudonymizeCarestoryPatientId(story.NhsNumber)) // clean precision-pseudonym
            .SetCarestoryItemCount(story.AssetIds.Count); // clean precision-about
        var started = Stopwatch.GetTimestamp();

        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["StoryId"] = story.StoryId, ["Ward"] = story.Ward }); // clean logging-objects

        foreach (var assetId in story.AssetIds)
        {
            var release = await rights.FindReleaseAsync(assetId, cancellationToken);
            if (release is null)
            {
                var missing = new ReleaseMissingException(assetId, story.PatientName);
                span.RecordException(missing); // clean exceptions
                logger.LogWarning(missing, "Story {StoryId} held: asset without release", story.StoryId); // leak TC1001 exceptions
                span.SetCarestoryOutcome("held").SetCarestoryNote($"release missing for {story.PatientName}"); // leak TC1001 generated-api
                return false;
            }

            if (release.Expires < DateOnly.FromDateTime(DateTime.UtcNow))
            {
                logger.LogInformation("Release {ReleaseId} for asset {AssetId} expired on {Expires}", release.ReleaseId, assetId, release.Expires); // clean precision-names
                logger.LogInformation("Expired release {Release}", release); // leak TC1001 logging-objects
                return false;
            }

            span.Activity?.AddEvent(new ActivityEvent("carestory.release.checked", tags: new ActivityTagsCollection { ["asset.id"] = assetId, ["release.scope"] = release.Scope, ["release.minor"] = release.Minor })); // clean precision-names
        }

        span.SetCarestoryOutcome("cleared");
        meter.CreateCarestoryReleaseCompletedCounter().Add(1, story.Channel, carestoryOutcome: "cleared"); // clean generated-api
        meter.CreateCarestoryReleaseDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, story.Channel); // clean generated-api
        logger.LogInformation("Story {StoryId} cleared for {Channel} with quote of {QuoteLength} characters", story.StoryId, story.Channel, story.Quote.Length); // clean precision-about
        return true;
    }

    public void Withdraw(PatientStory story, string reason)
    {
        _lastWithdrawnNhsNumber = story.NhsNumber;
        Activity.Current?.SetTag("carestory.withdraw.reason", reason); // clean precision-names
        Activity.Current?.SetTag("carestory.patient.email_domain", story.PatientEmail.Split('@').Last()); // clean precision-about
        logger.LogWarning("Patient {PatientName} withdrew consent for story {StoryId}", story.PatientName, story.StoryId); // leak TC1001 direct
        _withdrawn.Add(1, new KeyValuePair<string, object?>("carestory.ward", story.Ward)); // clean precision-names
        _withdrawn.Add(1, new KeyValuePair<string, object?>("carestory.patient", pseudonymizer.ComputeCarestoryPatientId(story.NhsNumber))); // leak TC1003 precision-pseudonym
    }

    public void ReportWithdrawals()
    {
        if (_lastWithdrawnNhsNumber is { } nhsNumber)
        {
            logger.LogInformation("Last withdrawal was patient {NhsNumber}", nhsNumber); // leak TC1001 cross-member
            var bucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(nhsNumber))[0] % 16;
            Activity.Current?.SetTag("carestory.withdrawal.bucket", bucket); // clean hashes
            var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nhsNumber)))[..12];
            Activity.Current?.SetTag("carestory.withdrawal.ref", digest); // leak TC1002 hashes
        }
    }
}
