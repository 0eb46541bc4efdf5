using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout35.Support;
using PrivacyHoldout35.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout35.Education;

/// <summary>A learner as the MIS staging table holds it after the nightly extract.</summary>
public sealed record StagedLearner(
    long RowId,
    string StudentNumber,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string YearGroup,
    string? GuardianEmail,
    string SchoolUrn);

public sealed record DuplicatePair(StagedLearner Survivor, StagedLearner Duplicate, double Score, string Rule);

public interface ILearnerStaging
{
    Task<IReadOnlyList<StagedLearner>> ReadBatchAsync(string batchId, CancellationToken cancellationToken);

    Task MarkMergedAsync(long duplicateRowId, long survivorRowId, CancellationToken cancellationToken);
}

/// <summary>
/// The transform step between the MIS extract and <c>dim_learner</c>: validates rows, finds duplicate
/// learner records (the same child enrolled twice under two student numbers after a school move) and
/// merges them before the load.
/// </summary>
public sealed class LearnerDeduplicationStage(
    ILearnerStaging staging,
    IExpectationSuiteRunner expectations,
    Pseudonymizer pseudonymizer,
    ILogger<LearnerDeduplicationStage> logger)
{
    private static readonly ActivitySource Source = new("Campus.Warehouse.Learners");
    private static readonly Meter Meter = new("Campus.Warehouse.Learners");
    private static readonly Histogram<double> MatchScores = Meter.CreateHistogram<double>("dedup.match.score");

    public async Task<IReadOnlyList<StagedLearner>> RunAsync(string batchId, CancellationToken cancellationToken)
    {
        using var span = Source.StartPipelineBatch("learner_dedup", "stg.learner");
        span.SetPipelineBatchId(batchId);
        var learners = await staging.ReadBatchAsync(batchId, cancellationToken);

        var valid = new List<StagedLearner>();
        var rowNumber = 0;
        foreach (var learner in learners)
        {
            rowNumber++;
            if (learner.StudentNumber.Length != 8 || !learner.StudentNumber.All(char.IsDigit))
            {
                RejectRow(span, rowNumber, $"student number '{learner.StudentNumber}' is not eight digits"); // leak TC1001 cross-member
                continue;
            }

            if (string.IsNullOrEmpty(learner.YearGroup))
            {
                RejectRow(span, rowNumber, "year group missing"); // clean cross-member
                continue;
            }

            if (learner.GuardianEmail is { } email)
            {
                var at = email.IndexOf('@');
                if (at <= 0)
                {
                    logger.LogWarning("Row {RowNumber}: guardian email '{GuardianEmail}' has no local part", rowNumber, email); // leak TC1001 direct
                }
                else
                {
                    Activity.Current?.SetTag("guardian.email.domain", email[(at + 1)..]); // clean precision-about
                }
            }

            valid.Add(learner);
        }

        var uniqueness = await expectations.RunAsync("learner_keys", "stg.learner", valid, cancellationToken);
        foreach (var result in uniqueness.Results.Where(r => !r.Success && r.Column == "student_number"))
        {
            Meter.CreateDqFailuresCounter().Add(result.UnexpectedCount, result.ExpectationType, result.Column); // clean precision-names
            logger.LogWarning("{Check} failed on {Column}: {Values}", result.ExpectationType, result.Column, result.PartialUnexpectedList); // leak TC1001 logging-objects
        }

        var pairs = FindDuplicates(valid);
        logger.LogInformation("Batch {BatchId}: {Pairs} duplicate pairs among {Learners} learners", batchId, pairs.Count, valid.Count); // clean precision-about

        var confident = pairs.Where(p => p.Score >= 0.92).ToList();
        foreach (var pair in confident)
        {
            MatchScores.Record(pair.Score, new KeyValuePair<string, object?>("rule", pair.Rule)); // clean precision-about
            await staging.MarkMergedAsync(pair.Duplicate.RowId, pair.Survivor.RowId, cancellationToken);
            logger.LogInformation("Merged learner {Duplicate} into {Survivor} ({Rule}, {Score:F2})", pair.Duplicate.StudentNumber, pair.Survivor.StudentNumber, pair.Rule, pair.Score); // leak TC1001 direct
            span.AddPipelineRowRejectedEvent("stg.learner", $"merged duplicate by {pair.Rule}", pseudonymizer.PseudonymizePipelineSubjectId(pair.Duplicate.StudentNumber)); // clean precision-pseudonym
            Activity.Current?.AddEvent(new ActivityEvent("learner.merged", tags: new ActivityTagsCollection { ["school.urn.from"] = pair.Duplicate.SchoolUrn, ["school.urn.to"] = pair.Survivor.SchoolUrn })); // clean direct
        }

        var candidates = pairs.Where(p => p.Score < 0.92).ToList();
        if (candidates.Count > 0)
        {
            logger.LogInformation("Left for manual review: {Pairs}", candidates.Select(p => $"{p.Survivor.GivenName} {p.Survivor.FamilyName} / {p.Duplicate.GivenName} {p.Duplicate.FamilyName}")); // leak TC1001 logging-objects
        }

        var merged = confident.Select(p => p.Duplicate.RowId).ToHashSet();
        var survivors = valid.Where(l => !merged.Contains(l.RowId)).ToList();
        span.SetPipelineRowCount(survivors.Count);
        return survivors;
    }

    /// <summary>Sets a row aside: a warning for the operators and the generated event on the batch span.</summary>
    private void RejectRow(PipelineBatchSpan span, int rowNumber, string detail)
    {
        logger.LogWarning("Learner row {RowNumber} rejected: {Detail}", rowNumber, detail);
        span.AddPipelineRowRejectedEvent("stg.learner", $"row {rowNumber}: {detail}");
    }

    private static List<DuplicatePair> FindDuplicates(IReadOnlyList<StagedLearner> learners)
    {
        var pairs = new List<DuplicatePair>();
        foreach (var group in learners.GroupBy(l => l.DateOfBirth))
        {
            var inGroup = group.ToList();
            for (var i = 0; i < inGroup.Count; i++)
            {
                for (var j = i + 1; j < inGroup.Count; j++)
                {
                    var a = inGroup[i];
                    var b = inGroup[j];
                    var score = (StringSimilarity.JaroWinkler(a.FamilyName, b.FamilyName) + StringSimilarity.JaroWinkler(a.GivenName, b.GivenName)) / 2;
                    if (score >= 0.85)
                    {
                        var (survivor, duplicate) = a.RowId < b.RowId ? (a, b) : (b, a);
                        pairs.Add(new DuplicatePair(survivor, duplicate, score, score >= 0.99 ? "exact-name-dob" : "fuzzy-name-dob"));
                    }
                }
            }
        }

        return pairs;
    }
}
