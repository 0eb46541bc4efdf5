namespace PrivacyHoldout163.Media;

/// <summary>Contributors (learners filmed for the series and their instructors) sign releases before broadcast.</summary>
public sealed class ContributorReleaseService(
    IClipStore clips,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<ContributorReleaseService> logger)
{
    private Contributor? pending;

    public async Task ReleaseAsync(Guid contributorId, string producerStaffId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartRoadcastOperation("learners-s3");
        span.SetRoadcastContributorId(pseudonymizer.PseudonymizeRoadcastContributorId(contributorId.ToString())); // clean generated-api
        span.SetRoadcastProducerId(pseudonymizer.PseudonymizeRoadcastProducerId(producerStaffId)); // clean generated-api
        pending = await clips.ContributorAsync(contributorId, cancellationToken);
        logger.LogInformation("Release for {Contributor} by producer {Producer}", pseudonymizer.ComputeRoadcastContributorId(contributorId.ToString()), producerStaffId); // leak TC1001 direct
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Producer"] = pseudonymizer.ComputeRoadcastProducerId(producerStaffId) }); // clean precision-pseudonym
        try
        {
            Check();
            span.SetRoadcastOutcome("released"); // clean generated-api
        }
        catch (ContributorConsentMissingException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetRoadcastOutcome(ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Consent missing: {Type}", ex.GetType().Name); // clean exceptions
        }

        meter.CreateRoadcastReviewDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "learners-s3"); // clean generated-api
        Publish(span);
    }

    private void Check()
    {
        if (pending is { Email.Length: > 0 } contributor && !contributor.Email.EndsWith(".invalid", StringComparison.Ordinal))
        {
            return;
        }

        throw new ContributorConsentMissingException(pending?.Email ?? string.Empty);
    }

    private void Publish(RoadcastOperationSpan span)
    {
        span.SetRoadcastNote($"release for {pending?.Name}"); // leak TC1001 cross-member
        Activity.Current?.SetTag("roadcast.contributor.mobile", pending?.Mobile); // leak TC1001 cross-member
        Activity.Current?.SetTag("roadcast.contributor.known", pending is not null); // clean cross-member
        Activity.Current?.SetTag("roadcast.contributor.key", Convert.ToHexString(SHA256.HashData(pending!.ContributorId.ToByteArray()))[..16]); // leak TC1002 hashes
        logger.LogInformation("Released {Contributor}", pending); // leak TC1001 logging-objects
    }
}
