namespace PrivacyHoldout125.Gaming;

/// <summary>
/// Engineering candidates get a take-home test in a private repository created for them; reviewers'
/// scorecards come back from the ATS and the debrief decides.
/// </summary>
public sealed class TechTestReviewService(
    IAtsClient ats,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TechTestReviewService> logger)
{
    private static readonly ActivitySource Source = new("Studio.Talent.TechTest");
    private static readonly Meter Meter = new("Studio.Talent.TechTest");
    private static readonly Histogram<double> ReviewHours = Meter.CreateHistogram<double>("studiojobs.techtest.review.hours", "h");

    public sealed record TechTest(string RepositoryName, string GithubHandle, long ApplicationId, string Track, DateTimeOffset SubmittedAt);

    public sealed class RepositoryProvisioningException(string repository) : Exception($"Could not create repository {repository}");

    public async Task ProvisionAsync(Candidate candidate, Application application, string githubHandle, string track)
    {
        var test = new TechTest($"techtest-{track}-{githubHandle}", githubHandle, application.Id, track, default);
        using var activity = Source.StartActivity("studiojobs.techtest.provision");
        activity?.SetTag("studiojobs.techtest.track", track); // clean precision-names
        activity?.SetTag("studiojobs.techtest.github", githubHandle); // leak TC1001 direct
        activity?.SetTag("studiojobs.techtest.repository", test.RepositoryName); // leak TC1001 cross-member
        try
        {
            await Task.CompletedTask;
            throw new RepositoryProvisioningException(test.RepositoryName);
        }
        catch (RepositoryProvisioningException ex)
        {
            logger.LogError(ex, "Tech test provisioning failed for application {Application}", application.Id); // leak TC1001 exceptions
            activity?.SetTag("exception.type", ex.GetType().FullName); // clean exceptions
        }
        logger.LogInformation("Tech test for {Candidate} on track {Track}", pseudonymizer.ComputeStudiojobsCandidateId(candidate.Id), track); // clean precision-pseudonym
    }

    public async Task DebriefAsync(TechTest test, CancellationToken cancellationToken)
    {
        var cards = await ats.GetScorecardsAsync(test.ApplicationId, cancellationToken);
        using var span = Source.StartStudiojobsApplication(test.ApplicationId.ToString(CultureInfo.InvariantCulture), test.Track);
        span.SetStudiojobsStage("tech-test-debrief").SetStudiojobsScore(cards.Count == 0 ? 0 : cards.Average(c => c.Ratings.Values.Average())); // clean generated-api
        span.Activity?.SetTag("studiojobs.reviewers", cards.Count); // clean precision-about
        span.Activity?.SetTag("studiojobs.recommendations", string.Join(",", cards.Select(c => c.OverallRecommendation))); // clean precision-about
        span.Activity?.SetTag("studiojobs.reviewer.names", string.Join(",", cards.Select(c => c.InterviewerName))); // leak TC1001 strings
        span.SetStudiojobsInterviewerId(pseudonymizer.PseudonymizeStudiojobsInterviewerId(cards[0].InterviewerId)); // clean precision-pseudonym
        span.SetStudiojobsNote(string.Join(" | ", cards.Select(c => c.KeyTakeaways))); // leak TC1001 generated-api
        foreach (var card in cards)
        {
            ReviewHours.Record((DateTimeOffset.UtcNow - test.SubmittedAt).TotalHours, new KeyValuePair<string, object?>("studiojobs.reviewer", card.InterviewerId)); // leak TC1003 direct
            ReviewHours.Record((DateTimeOffset.UtcNow - test.SubmittedAt).TotalHours, new KeyValuePair<string, object?>("studiojobs.track", test.Track)); // clean precision-names
        }
        logger.LogInformation("Debrief ratings {@Ratings}", cards.Select(c => c.Ratings)); // clean logging-objects
        var lane = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(test.GithubHandle))) % 4;
        span.Activity?.SetTag("studiojobs.review.lane", lane); // clean hashes
        var legacyId = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(test.GithubHandle)));
        span.Activity?.SetTag("studiojobs.techtest.legacy_id", legacyId.ToString()); // leak TC1002 hashes
    }
}
