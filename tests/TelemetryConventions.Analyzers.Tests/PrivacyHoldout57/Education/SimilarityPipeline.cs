using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Dataflow;
using Microsoft.Extensions.Logging;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Education;

public sealed record Submission(Guid SubmissionId, string StudentNumber, string StudentName, string CourseCode, string AssignmentId, string Text, DateTimeOffset SubmittedAt);

public sealed record SimilarityPair(Submission Left, Submission Right);

public sealed record SimilarityResult(Submission Submission, Submission MostSimilar, double Score)
{
    public string Band => Score switch { < 0.2 => "0-20", < 0.5 => "20-50", _ => "50+" };
}

public interface ISimilarityEngine
{
    Task<double> CompareAsync(string left, string right, CancellationToken cancellationToken);
}

/// <summary>Thrown by the engine when a text cannot be tokenised (empty, or not in a supported language).</summary>
public sealed class TokenisationException(Guid submissionId, string language)
    : Exception($"Submission {submissionId} could not be tokenised ({language})");

/// <summary>
/// The similarity stage of the grading pipeline: every new submission is compared with the earlier
/// submissions to the same assignment, the best match is kept, and matches above 0.5 are flagged
/// for the assessment team.
/// </summary>
public sealed class SimilarityPipeline
{
    private static readonly ActivitySource Source = new("Grading.Similarity");

    private readonly ILogger<SimilarityPipeline> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly Meter _meter;
    private readonly ISimilarityEngine _engine;
    private readonly Func<string, IReadOnlyList<Submission>> _earlier;
    private readonly Counter<long> _comparisons;

    public SimilarityPipeline(ILogger<SimilarityPipeline> logger, Pseudonymizer pseudonymizer, Meter meter, ISimilarityEngine engine, Func<string, IReadOnlyList<Submission>> earlierSubmissions)
    {
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _meter = meter;
        _engine = engine;
        _earlier = earlierSubmissions;
        _comparisons = meter.CreateCounter<long>("grading.similarity.comparisons");
    }

    public async Task RunAsync(string courseCode, IReadOnlyList<Submission> batch, CancellationToken cancellationToken)
    {
        using var batchSpan = Source.StartGradingBatch(courseCode, GradingStage.Similarity) // clean generated-api
            .SetGradingBatchSize(batch.Count);

        var pairs = new TransformManyBlock<Submission, SimilarityPair>(submission =>
        {
            var earlier = _earlier(submission.AssignmentId).Where(e => e.SubmissionId != submission.SubmissionId).ToList();
            _logger.LogDebug("Comparing {Submission} with {Count} earlier submissions", submission.SubmissionId, earlier.Count); // clean precision-about
            return earlier.Select(e => new SimilarityPair(submission, e));
        });

        var compare = new TransformBlock<SimilarityPair, (SimilarityPair Pair, double Score)>(
            async pair =>
            {
                try
                {
                    return (pair, await _engine.CompareAsync(pair.Left.Text, pair.Right.Text, cancellationToken));
                }
                catch (TokenisationException ex)
                {
                    _logger.LogWarning(ex, "Skipped pair {Left}/{Right}", pair.Left.SubmissionId, pair.Right.SubmissionId); // clean exceptions
                    _logger.LogWarning("Skipped pair of {LeftStudent} and {RightStudent}", pair.Left.StudentNumber, pair.Right.StudentNumber); // leak TC1001 direct
                    return (pair, 0d);
                }
                finally
                {
                    _comparisons.Add(1, new KeyValuePair<string, object?>("grading.course", pair.Left.CourseCode)); // clean direct
                }
            },
            new ExecutionDataflowBlockOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken });

        var best = new Dictionary<Guid, SimilarityResult>();
        var keepBest = new ActionBlock<(SimilarityPair Pair, double Score)>(scored =>
        {
            var (pair, score) = scored;
            if (!best.TryGetValue(pair.Left.SubmissionId, out var current) || current.Score < score)
            {
                best[pair.Left.SubmissionId] = new SimilarityResult(pair.Left, pair.Right, score);
            }
        });

        var link = new DataflowLinkOptions { PropagateCompletion = true };
        pairs.LinkTo(compare, link);
        compare.LinkTo(keepBest, link);

        foreach (var submission in batch)
        {
            await pairs.SendAsync(submission, cancellationToken);
        }
        pairs.Complete();
        await keepBest.Completion;

        var flagged = new BufferBlock<SimilarityResult>();
        var report = new ActionBlock<SimilarityResult>(Report);
        var quiet = new ActionBlock<SimilarityResult>(r => _meter.CreateGradingSubmissionsCounter().Add(1, r.Submission.CourseCode, GradingStage.Similarity, r.Band)); // clean generated-api
        flagged.LinkTo(report, link, r => r.Score >= 0.5);
        flagged.LinkTo(quiet, link);

        foreach (var result in best.Values)
        {
            flagged.Post(result);
        }
        flagged.Complete();
        await Task.WhenAll(report.Completion, quiet.Completion);

        batchSpan.SetGradingNote($"{best.Count} compared, {best.Values.Count(r => r.Score >= 0.5)} flagged"); // clean generated-api
    }

    private void Report(SimilarityResult result)
    {
        var submission = result.Submission;
        var student = _pseudonymizer.PseudonymizeGradingStudentId(submission.StudentNumber);
        using var span = Source.StartGradingSubmission(student, submission.AssignmentId) // clean precision-pseudonym
            .SetGradingStage(GradingStage.Similarity)
            .SetGradingSimilarityBand(result.Band);
        span.SetGradingNote($"closest to {result.MostSimilar.StudentName} ({result.Score:P0})"); // leak TC1001 generated-api
        _logger.LogGradingFlaggedEvent(submission.AssignmentId, GradingStage.Similarity, student, result.Band, gradingNote: $"closest match {result.MostSimilar.SubmissionId}"); // clean generated-api
        if (result.MostSimilar.StudentNumber == submission.StudentNumber)
        {
            _logger.LogGradingFlaggedEvent(submission.AssignmentId, GradingStageValue.Custom("resubmission"), student); // clean generated-api
        }
        else
        {
            _logger.LogGradingFlaggedEvent(submission.AssignmentId, GradingStage.Similarity, gradingNote: $"matches work of {result.MostSimilar.StudentNumber}"); // leak TC1001 generated-api
        }
        _meter.CreateGradingSubmissionsCounter().Add(1, submission.CourseCode, GradingStage.Similarity, _pseudonymizer.ComputeGradingStudentId(submission.StudentNumber)); // leak TC1003 precision-pseudonym
        _logger.LogInformation("Flagged {Result}", result); // leak TC1001 logging-objects
    }
}
