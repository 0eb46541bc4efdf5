namespace PrivacyHoldout94.Healthcare;

public interface IPatientIndex
{
    IAsyncEnumerable<ContactRecord> ByBlockAsync(string outwardCode, CancellationToken cancellationToken);

    Task FlagForReviewAsync(MatchCandidate candidate, CancellationToken cancellationToken);
}

/// <summary>
/// The master patient index's nightly duplicate sweep: records are blocked by postcode district, keyed by
/// family name, initial and postcode, compared with Jaro-Winkler, and pairs above the review threshold are
/// flagged for the records team. Records are keyed by hospital number.
/// </summary>
public sealed partial class PatientDuplicateFinder(
    IPatientIndex index,
    FuzzyMatcher matcher,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ContactHygieneOptions options,
    ILogger<PatientDuplicateFinder> logger)
{
    private readonly Counter<long> _pairs = meter.CreateCounter<long>("demogchk.duplicate.pairs");
    private readonly Counter<long> _bestPairs = meter.CreateCounter<long>("demogchk.duplicate.best_pairs");

    public async Task SweepAsync(string outwardCode, CancellationToken cancellationToken)
    {
        using var span = source.StartDemogchkCheck("match");
        span.Activity?.SetTag("demogchk.block", outwardCode); // clean precision-about
        var records = new List<ContactRecord>();
        await foreach (var record in index.ByBlockAsync(outwardCode, cancellationToken))
        {
            records.Add(record);
        }

        var keys = records.Select(MatchKeys.NamePostcode).ToList();
        var collisions = keys.GroupBy(k => k.Value).Where(g => g.Count() > 1).ToList();
        logger.LogInformation("Block {Block}: {Records} records, {Keys} distinct keys", outwardCode, records.Count, keys.Select(k => k.Value).Distinct().Count()); // clean precision-about
        foreach (var collision in collisions.Take(5))
        {
            logger.LogDebug("Key {Key} shared by {Count} records", collision.Key, collision.Count()); // leak TC1001 strings
        }
        span.Activity?.SetTag("demogchk.match.key_kind", keys.FirstOrDefault()?.Kind); // clean precision-names

        var candidates = matcher.FindCandidates(records, options.ReviewThreshold);
        span.SetDemogchkCandidateCount(candidates.Count);
        span.SetDemogchkMatchScore(candidates.Count == 0 ? 0 : candidates.Max(c => c.Score)); // clean precision-about

        foreach (var candidate in candidates)
        {
            await index.FlagForReviewAsync(candidate, cancellationToken);
            _pairs.Add(1, new KeyValuePair<string, object?>("rule", candidate.Rule)); // clean precision-names
            LogPairFlagged(logger, candidate.LeftId, candidate.RightId, candidate.Score); // leak TC1001 direct
            logger.LogDebug("Pair {Candidate} agrees on {Fields}", candidate, string.Join("+", candidate.AgreeingFields)); // leak TC1001 logging-objects
            span.Activity?.AddEvent(new ActivityEvent("pair.flagged", tags: new ActivityTagsCollection { ["score"] = candidate.Score, ["rule"] = candidate.Rule, ["fields"] = candidate.AgreeingFields.Count })); // clean precision-about
            LogPairFlaggedRedacted(logger, candidate.LeftId, candidate.RightId, candidate.Score); // clean precision-pseudonym
        }

        var best = candidates.OrderByDescending(c => c.Score).FirstOrDefault();
        if (best is not null)
        {
            span.SetDemogchkNote($"best pair {best.LeftId}/{best.RightId} at {best.Score:0.00}"); // leak TC1001 generated-api
            span.Activity?.SetTag("demogchk.best.left", pseudonymizer.PseudonymizeDemogchkPatientId(best.LeftId)); // clean precision-pseudonym
            _bestPairs.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.PseudonymizeDemogchkPatientId(best.LeftId).Value)); // leak TC1003 precision-pseudonym
        }

        // Older sweep reports are joined to this one on a digest of the key, so the digest must be stable.
        foreach (var key in keys.Take(3))
        {
            var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key.Value)))[..16];
            logger.LogTrace("Key digest {Digest}", digest); // leak TC1002 hashes
            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(key.Value))[0] % 16;
            span.Activity?.SetTag("demogchk.key.shard", shard); // clean hashes
        }
    }

    public async Task MergeAsync(IContactMerger merger, string survivor, IReadOnlyList<string> duplicates, CancellationToken cancellationToken)
    {
        using var span = source.StartDemogchkCheck("merge");
        try
        {
            var merged = await merger.MergeAsync(survivor, duplicates, cancellationToken);
            span.Activity?.SetTag("demogchk.merge.fields", string.Join(",", merged.FieldsTaken)); // clean precision-names
            span.Activity?.SetTag("demogchk.merge.conflicts", merged.ConflictCount);
            logger.LogInformation("Merged {Merge}", merged); // leak TC1001 logging-objects
        }
        catch (MergeConflictException ex)
        {
            span.Activity?.SetTag("demogchk.merge.conflict_field", ex.Field); // clean exceptions
            span.Activity?.AddException(ex); // leak TC1001 exceptions
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Possible duplicate patients {Left} and {Right} scored {Score}")]
    private static partial void LogPairFlagged(ILogger logger, string left, string right, double score);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Possible duplicate patients {Left} and {Right} scored {Score}")]
    private static partial void LogPairFlaggedRedacted(ILogger logger, [PrivateData] string left, [PrivateData] string right, double score);
}
