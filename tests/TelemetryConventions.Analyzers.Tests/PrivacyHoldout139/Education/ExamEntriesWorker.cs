namespace PrivacyHoldout139.Education;

/// <summary>
/// The exams office's worker: sends the series' entries to the awarding body as EDI batches and imports the results
/// on results day into the MIS's marksheets.
/// </summary>
public sealed partial class ExamEntriesWorker(
    IAwardingBodyGateway gateway,
    IReadOnlyDictionary<string, IReadOnlyList<ExamEntry>> pendingEntriesBySpec,
    SchoolPlatformOptions options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ExamEntriesWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Exams");
    private static readonly Meter Meter = new("Trust.Exams");
    private static readonly Counter<long> EntriesSent = Meter.CreateCounter<long>("exams.entries.sent");
    private static readonly Histogram<int> Marks = Meter.CreateHistogram<int>("exams.results.mark");

    private string? _lastRejectedCandidate;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var (spec, entries) in pendingEntriesBySpec)
        {
            await SubmitAsync(spec, entries, stoppingToken);
        }
        await ImportResultsAsync(stoppingToken);
    }

    private async Task SubmitAsync(string spec, IReadOnlyList<ExamEntry> entries, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartSchoolmisOperation("trust-exams-office")
            .SetSchoolmisExamSeries(options.CurrentSeries) // clean precision-names
            .SetSchoolmisSubject(spec) // clean precision-names
            .SetSchoolmisPupilCount(entries.Count); // clean precision-about
        span.Activity?.SetTag("exams.centre", options.CentreNumber); // clean precision-names
        span.Activity?.SetTag("exams.access_arrangements", entries.Count(e => e.AccessArrangements is not null)); // clean precision-about
        span.Activity?.SetTag("exams.tiers", string.Join("/", entries.Select(e => e.Tier).Distinct().Order())); // clean strings
        try
        {
            var batch = await gateway.SubmitEntriesAsync(options.CentreNumber, entries, ct);
            logger.LogInformation("Entries sent: {Batch}", batch); // clean logging-objects
            EntriesSent.Add(batch.Lines, new KeyValuePair<string, object?>("specification", spec), new KeyValuePair<string, object?>("centre", batch.CentreNumber)); // clean precision-names
        }
        catch (EntryRejectedException ex)
        {
            _lastRejectedCandidate = entries.FirstOrDefault(e => ex.Message.Contains(e.CandidateNumber, StringComparison.Ordinal))?.CandidateNumber;
            span.SetStatus(ActivityStatusCode.Error, $"entry rejected: {ex.Reason}"); // clean exceptions
            span.Activity?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName, ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            logger.LogSchoolmisOperationFailedEvent("trust-exams-office", "entry-rejected", schoolmisNote: ex.Message); // leak TC1001 generated-api
            LogEntryRejected(logger, ex.Specification, ex); // leak TC1001 exceptions
        }
        catch (AwardingBodyUnavailableException ex)
        {
            span.RecordException(ex, "awarding body down", includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Retrying {Spec} later", spec); // clean exceptions
        }
        finally
        {
            Meter.CreateSchoolmisSyncDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "trust-exams-office"); // clean generated-api
        }
    }

    private async Task ImportResultsAsync(CancellationToken ct)
    {
        using var span = Source.StartSchoolmisOperation("trust-exams-office");
        var results = await gateway.DownloadResultsAsync(options.CentreNumber, options.CurrentSeries, ct);
        span.SetSchoolmisPupilCount(results.Select(r => r.CandidateNumber).Distinct().Count()); // clean precision-about

        foreach (var result in results)
        {
            Marks.Record(result.Mark, new KeyValuePair<string, object?>("specification", result.Specification), new KeyValuePair<string, object?>("grade", result.Grade)); // clean precision-about
        }
        var top = results.OrderByDescending(r => r.Mark).Take(5).ToList();
        logger.LogInformation("Top marks: {Top}", top); // leak TC1001 logging-objects
        logger.LogInformation("Top marks by grade: {Grades}", top.Select(t => t.Grade).ToArray()); // clean precision-about
        logger.LogInformation("Candidate {Candidate} achieved the top mark {Mark}", top.FirstOrDefault()?.CandidateNumber, top.FirstOrDefault()?.Mark); // leak TC1001 cross-member

        var byCandidate = results.GroupBy(r => r.CandidateNumber).ToList();
        foreach (var candidate in byCandidate.Where(g => g.Any(r => r.Grade == "U")))
        {
            var cohort = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(candidate.Key)))[..10];
            span.Activity?.AddEvent(new ActivityEvent("results.ungraded", tags: new ActivityTagsCollection { ["candidate.cohort"] = cohort })); // leak TC1002 hashes
            var keyed = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(candidate.Key))[0] % 16;
            span.Activity?.AddEvent(new ActivityEvent("results.ungraded.keyed", tags: new ActivityTagsCollection { ["candidate.shard"] = keyed })); // clean hashes
            span.SetSchoolmisGrade("U") // clean precision-about
                .SetSchoolmisPupilId(Pseudonym.FromComputed(candidate.Key)); // leak TC1001 precision-pseudonym
        }

        if (_lastRejectedCandidate is { } rejected)
        {
            logger.LogWarning("Results imported; check the rejected entry of {Candidate}", rejected); // leak TC1001 cross-member
            Activity.Current?.SetBaggage("exams.last_rejected", pseudonymizer.ComputeSchoolmisPupilId(rejected)); // clean precision-pseudonym
        }
        Meter.CreateSchoolmisRecordsCounter().Add(results.Count, "trust-exams-office", schoolmisOutcome: "imported"); // clean generated-api
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Entry rejected for {Specification}")]
    private static partial void LogEntryRejected(ILogger logger, string specification, Exception exception);
}
