namespace PrivacyHoldout197.Media;

public sealed record Contestant(string ContestantId, string FullName, string LicenceNumber, string Mobile, string HomeTown, int Age);

public sealed record FilmingDay(string ShootId, string EpisodeId, string CentreCode, DateOnly Day, int Crew, string ContestantId);

public sealed record ReleaseForm(string FormId, string ContestantId, string SignedName, bool MinorGuardianSigned);

/// <summary>A broadcaster's learner-driver series: contestants, their theory results and test days on camera.</summary>
public sealed class ContestantRepository(TheoryTestProvider provider, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter, ILogger<ContestantRepository> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.LearnerSeries");
    private static readonly Meter SeriesMeter = new("Broadcaster.LearnerSeries");
    private static readonly Counter<long> Shoots = SeriesMeter.CreateCounter<long>("series.shoots");

    private readonly Dictionary<string, Contestant> _cast = new();

    public void Cast(Contestant contestant)
    {
        _cast[contestant.ContestantId] = contestant;
        using var span = Source.StartRoadshowOperation("studio-4");
        span.SetRoadshowCandidateId(pseudonymizer.PseudonymizeRoadshowCandidateId(contestant.LicenceNumber)); // clean generated-api
        span.SetRoadshowOutcome("cast"); // clean generated-api
        span.SetRoadshowNote($"{contestant.FullName} from {contestant.HomeTown}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("series.contestant_id", contestant.ContestantId); // leak TC1001 direct
        Activity.Current?.SetTag("series.contestant_age", contestant.Age); // clean precision-about
        Activity.Current?.SetTag("series.cast_size", _cast.Count); // clean precision-about
        Activity.Current?.SetTag("series.contestant", pseudonymizer.Pseudonymize(Spaces.Candidate, contestant.ContestantId)); // clean precision-pseudonym
        logger.LogInformation("Cast {Contestant}", contestant); // leak TC1001 logging-objects
        logger.LogInformation("Cast contestant number {Count} for the series", _cast.Count); // clean precision-about
        meter.CreateRoadshowOperationsCounter().Add(1, "studio-4", "cast"); // clean generated-api
    }

    public async Task<TheoryResult?> TheoryFor(string contestantId, CancellationToken ct)
    {
        using var activity = Source.StartActivity("series.theory");
        var contestant = _cast[contestantId];
        var result = await provider.ResultForAsync(contestant.LicenceNumber, ct);
        activity?.SetTag("theory.passed", result?.Passed); // clean precision-about
        activity?.SetTag("theory.hazard_score", result?.HazardScore); // clean precision-about
        activity?.SetTag("theory.certificate_issued", result?.CertificateNumber is not null); // clean precision-about
        activity?.SetTag("theory.certificate", result?.CertificateNumber); // leak TC1001 direct
        logger.LogInformation("Theory for {Contestant}: {@Result}", contestantId, result); // leak TC1001 logging-objects
        if (result is null)
        {
            var ex = new LicenceNotFoundException(contestant.LicenceNumber);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogRoadshowOperationFailedEvent("studio-4", "no-theory", pseudonymizer.PseudonymizeRoadshowCandidateId(contestant.LicenceNumber), "no theory result"); // clean generated-api
        }

        return result;
    }

    public void ScheduleShoot(FilmingDay day)
    {
        using var activity = Source.StartActivity("series.shoot");
        activity?.SetTag("shoot.id", day.ShootId); // clean precision-names
        activity?.SetTag("shoot.episode", day.EpisodeId); // clean precision-names
        activity?.SetTag("shoot.centre", day.CentreCode); // clean precision-names
        activity?.SetTag("shoot.crew", day.Crew); // clean precision-about
        logger.LogInformation("Shoot scheduled {@Day}", day); // leak TC1001 logging-objects
        logger.LogInformation("Shoot scheduled {@Day}", new { day.ShootId, day.EpisodeId, day.CentreCode, day.Day }); // clean logging-objects
        Shoots.Add(1, new KeyValuePair<string, object?>("episode", day.EpisodeId)); // clean precision-names
        Shoots.Add(1, new KeyValuePair<string, object?>("contestant", day.ContestantId)); // leak TC1003 direct
        var contestant = _cast.GetValueOrDefault(day.ContestantId);
        activity?.SetTag("shoot.contestant_mobile", contestant?.Mobile); // leak TC1001 direct
        activity?.SetTag("shoot.contestant_has_mobile", contestant?.Mobile is { Length: > 0 }); // clean precision-about
        meter.CreateRoadshowOperationDurationHistogram().Record(3600, "studio-4"); // clean generated-api
    }

    public void FileRelease(ReleaseForm form)
    {
        using var activity = Source.StartActivity("series.release");
        activity?.SetTag("release.form_id", form.FormId); // clean precision-names
        activity?.SetTag("release.guardian_signed", form.MinorGuardianSigned); // clean precision-about
        activity?.SetTag("release.signed_name", form.SignedName); // leak TC1001 direct
        activity?.SetTag("release.dedupe", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(form.SignedName)))); // leak TC1002 hashes
        activity?.SetTag("release.key", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(form.ContestantId)))[..8]); // clean hashes
        var line = string.Concat("release ", form.FormId, " signed by ", form.SignedName);
        logger.LogInformation(line); // leak TC1001 strings
        logger.LogInformation(string.Concat("release ", form.FormId, " guardian ", form.MinorGuardianSigned ? "yes" : "no")); // clean strings
        logger.LogInformation("Releases on file: {Names}", string.Join(", ", _cast.Values.Select(c => c.FullName))); // leak TC1001 strings
        logger.LogInformation("Contestant ids with releases: {Count}", _cast.Keys.Count); // clean cross-member
        Activity.Current?.SetTag("release.first_contestant", FirstContestantName()); // leak TC1001 cross-member
        Activity.Current?.SetTag("release.first_contestant_id", FirstShootId()); // clean cross-member
    }

    private string FirstContestantName() => _cast.Values.FirstOrDefault()?.FullName ?? string.Empty;

    private static string FirstShootId() => "shoot-001";
}
