namespace PrivacyHoldout75.Education;

public sealed record Learner(
    string StudentNumber,
    string College,
    string? Uln,
    string LegalSurname,
    string PreferredName,
    DateOnly DateOfBirth,
    string? GuardianEmail);

public interface ILearnerDirectory
{
    /// <summary>
    /// Merges the retired learner into the survivor. Throws <see cref="DuplicateRecordException"/>
    /// (entity "learner", both student numbers) when the retired learner has open enrolments.
    /// </summary>
    Task MergeAsync(string survivorStudentNumber, string retiredStudentNumber, CancellationToken cancellationToken);
}

/// <summary>
/// After the merger of Northgate and Riverside colleges, finds learners enrolled at both and merges
/// them into one record: the ULN decides when both have one, otherwise surname and date of birth.
/// Northgate's record survives (it carries the ILR returns).
/// </summary>
public sealed class LearnerDeduplication(
    ILearnerDirectory directory,
    IReviewQueue review,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<LearnerDeduplication> logger)
{
    private readonly Histogram<double> _scores = meter.CreateHistogram<double>("learners.match.score");
    private readonly Dictionary<string, string> _mergedInto = new(StringComparer.Ordinal);

    public IReadOnlyList<MatchCandidate> FindCandidates(string runId, IReadOnlyList<Learner> northgate, IReadOnlyList<Learner> riverside)
    {
        using var span = source.StartSismigRun(runId);
        var candidates = new List<MatchCandidate>();
        foreach (var left in northgate)
        {
            foreach (var right in riverside)
            {
                var (score, rule) = Score(left, right);
                if (score >= 0.8)
                {
                    candidates.Add(new MatchCandidate(left.StudentNumber, right.StudentNumber, score, rule));
                    _scores.Record(score, new KeyValuePair<string, object?>("rule", rule)); // clean precision-about
                }
            }
        }

        span.SetSismigRecords(candidates.Count).SetSismigRule("uln-or-surname-dob");
        logger.LogInformation("Candidate pairs by rule: {ByRule}", candidates.GroupBy(c => c.Rule).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
        logger.LogDebug("Candidate pairs: {Pairs}", string.Join(", ", candidates.Select(c => $"{c.LeftKey}~{c.RightKey}"))); // leak TC1001 strings
        return candidates;
    }

    public async Task MergeAsync(string runId, MatchCandidate pair, Learner survivor, Learner retired, CancellationToken cancellationToken)
    {
        using var span = source.StartSismigRun(runId);
        span.SetSismigMatchScore(pair.Score).SetSismigRule(pair.Rule); // clean precision-about
        span.SetSismigStudentId(pseudonymizer.PseudonymizeSismigStudentId(survivor.StudentNumber)); // clean precision-pseudonym

        if (survivor.Uln is not null && retired.Uln is not null && survivor.Uln != retired.Uln)
        {
            var conflict = new DuplicateRecordException("learner", survivor.StudentNumber, retired.StudentNumber);
            logger.LogWarning("Refusing merge: {Reason}", conflict.Message); // leak TC1001 exceptions
            span.RecordException(conflict); // clean exceptions
            await review.EnqueueAsync(pair, "uln-conflict", cancellationToken);
            return;
        }

        try
        {
            await directory.MergeAsync(survivor.StudentNumber, retired.StudentNumber, cancellationToken);
        }
        catch (DuplicateRecordException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Merge deferred: {ExceptionType}", ex.GetType().Name); // clean exceptions
            return;
        }

        _mergedInto[retired.StudentNumber] = survivor.StudentNumber;
        var guardianFromRetired = survivor.GuardianEmail is null && retired.GuardianEmail is not null;
        span.SetSismigNote(guardianFromRetired ? "guardian contact taken from the retired record" : "survivor kept its guardian contact"); // clean generated-api
        Activity.Current?.SetTag(SismigAttributes.GuardianContact, pseudonymizer.Pseudonymize("guardian", retired.GuardianEmail ?? string.Empty)); // leak TC1001 precision-pseudonym
        logger.LogInformation("Guardian contact kept from domain {Domain}", (survivor.GuardianEmail ?? retired.GuardianEmail)?.Split('@')[^1]); // clean precision-about
        logger.LogInformation("Merged learner {Survivor} (kept {Name})", pseudonymizer.ComputeSismigStudentId(survivor.StudentNumber), survivor.PreferredName); // leak TC1001 direct
    }

    public void Summarise(string runId)
    {
        logger.LogInformation("Run {RunId} merged {Count} learners", runId, _mergedInto.Count);
        logger.LogInformation("Run {RunId} merges: {Merges}", runId, _mergedInto); // leak TC1001 cross-member
        foreach (var (retired, survivor) in _mergedInto)
        {
            Activity.Current?.AddEvent(new ActivityEvent("learner.merged", tags: new ActivityTagsCollection { ["learner.retired"] = retired, ["learner.survivor"] = survivor })); // leak TC1001 cross-member
        }
    }

    private static (double Score, string Rule) Score(Learner left, Learner right)
    {
        if (left.Uln is not null && left.Uln == right.Uln)
        {
            return (1.0, "uln");
        }
        if (left.DateOfBirth == right.DateOfBirth && string.Equals(left.LegalSurname, right.LegalSurname, StringComparison.OrdinalIgnoreCase))
        {
            return (string.Equals(left.PreferredName, right.PreferredName, StringComparison.OrdinalIgnoreCase) ? 0.95 : 0.82, "surname-dob");
        }
        return (0, "none");
    }
}
