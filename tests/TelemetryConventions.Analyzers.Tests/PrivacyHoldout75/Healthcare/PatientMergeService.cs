namespace PrivacyHoldout75.Healthcare;

public sealed record PatientRecord(
    string HospitalNumber,
    string NhsNumber,
    string FamilyName,
    string GivenName,
    DateOnly DateOfBirth,
    string Postcode,
    string? Mobile,
    string? Email,
    string SourceSystem,
    DateTimeOffset UpdatedAt);

public interface IPatientIndex
{
    Task<PatientRecord?> GetAsync(string hospitalNumber, CancellationToken cancellationToken);

    Task<Guid?> GoldenIdOfAsync(string hospitalNumber, CancellationToken cancellationToken);

    /// <summary>
    /// Throws <see cref="DuplicateRecordException"/> (entity "patient", both hospital numbers) when the
    /// retired record was merged into another golden record since the pair was found.
    /// </summary>
    Task MergeAsync(MergeDecision decision, PatientRecord survivor, CancellationToken cancellationToken);
}

/// <summary>
/// Works through the candidate pairs the nightly blocking job found in the master patient index:
/// pairs above the auto-merge threshold are merged under the survivorship rules, the band below goes
/// to the data quality team's review queue.
/// </summary>
public sealed partial class PatientMergeService(
    IPatientIndex index,
    IReviewQueue review,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<PatientMergeService> logger)
{
    private const double AutoMergeThreshold = 0.97;
    private const double ReviewThreshold = 0.85;

    private readonly Counter<long> _reviews = meter.CreateCounter<long>("mpi.review.enqueued", "{pair}");
    private readonly Counter<long> _merged = meter.CreateCounter<long>("mpi.patients.merged", "{patient}");

    private string? _lastRetired;

    public async Task RunAsync(string runId, string block, IReadOnlyList<MatchCandidate> candidates, CancellationToken cancellationToken)
    {
        using var span = source.StartMpiMerge(runId);
        span.SetMpiRecords(candidates.Count).SetMpiStore("pas");
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["mpi.run"] = runId, ["mpi.block"] = block }); // clean precision-about

        foreach (var candidate in candidates)
        {
            meter.CreateMpiCandidateScoreHistogram().Record(candidate.Score, candidate.Rule); // clean generated-api
            if (candidate.Score >= AutoMergeThreshold)
            {
                await MergeAsync(runId, candidate, cancellationToken);
            }
            else if (candidate.Score >= ReviewThreshold)
            {
                await review.EnqueueAsync(candidate, "score-band", cancellationToken);
                logger.LogInformation("Pair sent to review: {Candidate}", candidate); // leak TC1001 logging-objects
                _reviews.Add(1, new KeyValuePair<string, object?>("mpi.rule", candidate.Rule)); // clean precision-about
            }
        }

        span.SetMpiOutcome(_lastRetired is null ? "no-merge" : "merged");
        logger.LogInformation("MPI run {RunId} finished; last retired hospital number {Retired}", runId, _lastRetired); // leak TC1001 cross-member
    }

    private async Task MergeAsync(string runId, MatchCandidate candidate, CancellationToken cancellationToken)
    {
        var left = await index.GetAsync(candidate.LeftKey, cancellationToken);
        var right = await index.GetAsync(candidate.RightKey, cancellationToken);
        if (left is null || right is null)
        {
            return;
        }

        // Survivorship: the record updated most recently by the PAS survives; contact details are
        // taken from whichever side has them.
        var (survivor, retired) = left.UpdatedAt >= right.UpdatedAt ? (left, right) : (right, left);
        var merged = survivor with { Mobile = survivor.Mobile ?? retired.Mobile, Email = survivor.Email ?? retired.Email };
        var goldenId = await index.GoldenIdOfAsync(survivor.HospitalNumber, cancellationToken) ?? Guid.NewGuid();
        var decision = new MergeDecision { GoldenId = goldenId, SurvivorKey = survivor.HospitalNumber, RetiredKey = retired.HospitalNumber, SurvivorshipRule = "most-recent-pas" };

        using var span = source.StartMpiMerge(runId);
        span.SetMpiPatientId(pseudonymizer.PseudonymizeMpiPatientId(survivor.HospitalNumber)) // clean precision-pseudonym
            .SetMpiMatchScore(candidate.Score) // clean precision-about
            .SetMpiRule(decision.SurvivorshipRule); // clean precision-names
        Activity.Current?.SetTag("mpi.golden_id", goldenId); // leak TC1001 direct
        Activity.Current?.SetTag("mpi.merge_id", decision.MergeId); // clean precision-about

        if (survivor.NhsNumber != retired.NhsNumber)
        {
            var ex = new DuplicateRecordException("patient", survivor.HospitalNumber, retired.HospitalNumber);
            span.RecordException(ex, "NHS numbers differ"); // clean exceptions
            logger.LogError(ex, "Merge refused in run {RunId}", runId); // leak TC1001 exceptions
            logger.LogMpiMergeRejectedEvent("nhs-number-differs", "refused", pseudonymizer.PseudonymizeMpiPatientId(retired.HospitalNumber)); // clean precision-pseudonym
            logger.LogMpiMergeRejectedEvent("nhs-number-differs", "refused", mpiNote: ex.Message); // leak TC1001 generated-api
            return;
        }

        try
        {
            await index.MergeAsync(decision, merged, cancellationToken);
        }
        catch (DuplicateRecordException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            return;
        }

        _lastRetired = retired.HospitalNumber;
        LogMerged(logger, decision); // clean logging-objects
        LogMergedPair(logger, survivor.HospitalNumber, retired.HospitalNumber, candidate.Score); // leak TC1001 direct
        LogMergedPairRedacted(logger, survivor.HospitalNumber, retired.HospitalNumber, candidate.Score); // clean precision-about
        _merged.Add(1, new KeyValuePair<string, object?>("mpi.survivor", pseudonymizer.PseudonymizeMpiPatientId(survivor.HospitalNumber).Value)); // leak TC1003 precision-pseudonym
        meter.CreateMpiMergesCounter().Add(1, "merged", mpiRule: decision.SurvivorshipRule); // clean generated-api

        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(survivor.NhsNumber))[0] % 16;
        Activity.Current?.SetTag("mpi.lane", lane); // clean hashes
        var blockKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(survivor.NhsNumber)))[..10];
        span.SetMpiNote($"block {blockKey}"); // leak TC1002 hashes
    }

    public void TraceContacts(PatientRecord survivor, PatientRecord retired)
    {
        var taken = new List<string>();
        if (survivor.Mobile is null && retired.Mobile is not null)
        {
            taken.Add(nameof(PatientRecord.Mobile));
        }
        if (survivor.Email is null && retired.Email is not null)
        {
            taken.Add(nameof(PatientRecord.Email));
        }
        logger.LogInformation("Survivorship took {Fields} from the retired record", string.Join(",", taken)); // clean precision-names
        Activity.Current?.SetTag(MpiAttributes.PatientContact, retired.Mobile ?? retired.Email); // leak TC1001 generated-api
        Activity.Current?.SetTag("mpi.contact.domain", retired.Email?.Split('@')[^1]); // clean precision-about
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Merge applied: {Decision}")]
    private static partial void LogMerged(ILogger logger, MergeDecision decision);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Merged {Survivor} <- {Retired} at {Score}")]
    private static partial void LogMergedPair(ILogger logger, string survivor, string retired, double score);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Merged {Survivor} <- {Retired} at {Score}")]
    private static partial void LogMergedPairRedacted(ILogger logger, [PrivateData] string survivor, [PrivateData] string retired, double score);
}
