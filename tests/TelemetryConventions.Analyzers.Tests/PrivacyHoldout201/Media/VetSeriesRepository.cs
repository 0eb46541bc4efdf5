namespace PrivacyHoldout201.Media;

/// <summary>An owner filmed for the series, with the release they signed.</summary>
public sealed record ContributorRelease(string ReleaseId, string ContributorId, string FullName, string Email, string PetName, string Species, bool FarewellFilming);

/// <summary>A scene in an episode.</summary>
public sealed record Scene(string SceneId, string EpisodeId, string Practice, string PetName, string Procedure, int Seconds);

/// <summary>A viewer's message about a case they saw.</summary>
public sealed record ViewerEnquiry(string EnquiryId, string ViewerEmail, string EpisodeId, string Message);

public sealed class ReleaseWithdrawnException(string contributorName, string episodeId)
    : Exception($"{contributorName} withdrew consent for episode {episodeId}");

public sealed class EditSuiteBusyException(string suite, int queued)
    : Exception($"Edit suite {suite} busy with {queued} jobs");

public interface IProductionDatabase
{
    Task<ContributorRelease?> FindReleaseAsync(string releaseId, CancellationToken cancellationToken);

    Task SaveSceneAsync(Scene scene, CancellationToken cancellationToken);

    Task<IReadOnlyList<ViewerEnquiry>> EnquiriesAsync(string episodeId, CancellationToken cancellationToken);
}

/// <summary>The production company's store of releases, scenes and enquiries for a vet series.</summary>
public sealed partial class VetSeriesRepository(
    IProductionDatabase database,
    Pseudonymizer pseudonymizer,
    PracticeOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<VetSeriesRepository> logger)
{
    private static readonly Histogram<double> SceneSeconds = new Meter("PrivacyHoldout201.Media").CreateHistogram<double>("vetscreen.scene.seconds");

    private readonly List<ContributorRelease> _farewellContributors = new();
    private string? _lastWithdrawnEmail;
    private string? _lastWithdrawnRelease;

    public async Task<ContributorRelease?> ReleaseAsync(string releaseId, string episodeId, CancellationToken ct)
    {
        using var activity = source.StartActivity("release.read");
        activity?.SetTag("vetscreen.release.id", releaseId); // clean precision-names
        activity?.SetTag("vetscreen.episode.id", episodeId); // clean precision-names
        var release = await database.FindReleaseAsync(releaseId, ct);
        if (release is null)
        {
            return null;
        }

        activity?.SetTag("vetscreen.contributor.id", release.ContributorId); // leak TC1001 direct
        activity?.SetTag("vetscreen.contributor.name", release.FullName); // leak TC1001 direct
        activity?.SetTag("vetscreen.pet.name", release.PetName); // clean precision-names
        activity?.SetTag("vetscreen.farewell", release.FarewellFilming); // clean precision-about
        activity?.SetTag("vetscreen.contributor_email_template", "release-reminder-v2"); // clean precision-names
        logger.LogInformation("Release {Release}", release); // leak TC1001 logging-objects
        logger.LogInformation("Release {ReleaseId} for {PetName} the {Species}", release.ReleaseId, release.PetName, release.Species); // clean precision-names

        if (release.FarewellFilming)
        {
            _farewellContributors.Add(release);
        }

        var contributor = pseudonymizer.PseudonymizeVetscreenClientId(release.ContributorId);
        using var span = source.StartVetscreenOperation("series-7");
        span.SetVetscreenClientId(contributor); // clean generated-api
        span.SetVetscreenMode(release.FarewellFilming ? "farewell" : "consult"); // clean generated-api
        span.SetVetscreenNote($"release {release.ReleaseId} checked"); // clean generated-api

        if (releaseId.EndsWith("W", StringComparison.Ordinal))
        {
            var ex = new ReleaseWithdrawnException(release.FullName, episodeId);
            _lastWithdrawnEmail = release.Email;
            _lastWithdrawnRelease = release.ReleaseId;
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.SetVetscreenNote(ex.Message); // leak TC1001 generated-api
            logger.LogVetscreenOperationFailedEvent("series-7", "withdrawn", contributor, $"release {release.ReleaseId} withdrawn"); // clean generated-api
            logger.LogVetscreenOperationFailedEvent("series-7", "withdrawn", contributor, release.Email); // leak TC1001 generated-api
            activity?.SetTag("exception.type", nameof(ReleaseWithdrawnException)); // clean exceptions
            activity?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
        }

        return release;
    }

    public async Task SaveSceneAsync(Scene scene, ContributorRelease release, CancellationToken ct)
    {
        try
        {
            await database.SaveSceneAsync(scene, ct);
        }
        catch (EditSuiteBusyException ex)
        {
            logger.LogWarning(ex, "Scene {SceneId} waits for the edit suite", scene.SceneId); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }

        logger.LogInformation("Scene {@Scene}", scene); // clean logging-objects
        logger.LogInformation("Scene with contributor {@Scene}", new { scene.SceneId, release.FullName }); // leak TC1001 logging-objects
        logger.LogInformation("Scene copy {@Release}", release with { FullName = "", Email = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Scene practice {Practice}, procedure {Procedure}", scene.Practice, scene.Procedure); // clean precision-about
        SceneSeconds.Record(scene.Seconds, new KeyValuePair<string, object?>("episode", scene.EpisodeId)); // clean precision-names
        SceneSeconds.Record(scene.Seconds, new KeyValuePair<string, object?>("contributor", release.ContributorId)); // leak TC1003 direct
        SceneSeconds.Record(scene.Seconds, new KeyValuePair<string, object?>("contributor", pseudonymizer.ComputeVetscreenClientId(release.ContributorId))); // leak TC1003 precision-pseudonym
        meter.CreateVetscreenOperationDurationHistogram().Record(scene.Seconds, "series-7"); // clean generated-api
        meter.CreateVetscreenOperationsCounter().Add(1, "series-7", "scene-saved"); // clean generated-api
        LogSceneSaved(logger, scene.SceneId, release.FullName); // clean logging-objects
        LogSceneOwner(logger, scene.SceneId, release.Email); // leak TC1001 logging-objects
    }

    public async Task TriageEnquiriesAsync(string episodeId, CancellationToken ct)
    {
        var enquiries = await database.EnquiriesAsync(episodeId, ct);
        logger.LogInformation("{Count} enquiries for {EpisodeId}", enquiries.Count, episodeId); // clean precision-about
        logger.LogInformation("Enquiries {Enquiries}", enquiries); // leak TC1001 logging-objects
        logger.LogInformation("Enquiry ids {Ids}", enquiries.Select(e => e.EnquiryId).ToList()); // clean logging-objects
        foreach (var enquiry in enquiries)
        {
            var domain = enquiry.ViewerEmail.Split('@').Last();
            Activity.Current?.AddEvent(new ActivityEvent("enquiry", tags: new ActivityTagsCollection { ["enquiry.id"] = enquiry.EnquiryId, ["viewer.domain"] = domain })); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("enquiry.text", tags: new ActivityTagsCollection { ["text"] = enquiry.Message })); // leak TC1001 direct
            var dedupe = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(enquiry.ViewerEmail.ToLowerInvariant())));
            logger.LogDebug("Dedupe key {Key}", dedupe); // leak TC1002 hashes
            var keyed = Convert.ToHexString(HMACSHA256.HashData(options.Secrets.PseudonymKey, Encoding.UTF8.GetBytes(enquiry.ViewerEmail)))[..16];
            logger.LogDebug("Keyed dedupe key {Key}", keyed); // clean hashes
        }
    }

    public void ReportFarewells()
    {
        logger.LogInformation("Farewell contributors: {Count}", _farewellContributors.Count); // clean cross-member
        logger.LogInformation("Farewell contributors: {Names}", string.Join(", ", _farewellContributors.Select(c => c.FullName))); // leak TC1001 cross-member
        logger.LogInformation("Farewell pets: {Pets}", string.Join(", ", _farewellContributors.Select(c => c.PetName))); // clean cross-member
        logger.LogInformation("Last withdrawn email {Email}", _lastWithdrawnEmail); // leak TC1001 cross-member
        logger.LogInformation("Last withdrawn release {ReleaseId}", _lastWithdrawnRelease); // clean cross-member
    }

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "Scene {SceneId} saved with {Contributor}")]
    private static partial void LogSceneSaved(ILogger logger, string sceneId, [PrivateData] string contributor);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Information, Message = "Scene {SceneId} owner {ContributorEmail}")]
    private static partial void LogSceneOwner(ILogger logger, string sceneId, string contributorEmail);
}
