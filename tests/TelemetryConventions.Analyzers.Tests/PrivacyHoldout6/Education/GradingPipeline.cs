using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using TelemetryConventions;

namespace PrivacyHoldout6.Education;

public readonly record struct SubmissionGraded(string StudentNumber, string CourseCode, decimal Score, string? GuardianEmail, int StudentCohortYear);

/// <summary>Records grades as the marking service streams them in.</summary>
public sealed class GradingPipeline(ILogger<GradingPipeline> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private const string StudentDomain = "school.student";

    private static readonly ActivitySource Source = new("School.Grading");

    private readonly Histogram<double> _scores = meter.CreateHistogram<double>("grading.score");

    public async Task RunAsync(IAsyncEnumerable<SubmissionGraded> submissions, CancellationToken cancellationToken)
    {
        var failing = new List<string>();
        await foreach (var graded in submissions.WithCancellation(cancellationToken))
        {
            using var activity = Source.StartActivity("grading.record");
            var level = graded.Score < 40 ? LogLevel.Warning : LogLevel.Information;
            logger.Log(level, "Graded {Student} on {Course}: {Score}", graded.StudentNumber, graded.CourseCode, graded.Score); // leak TC1001 direct
            logger.Log(level, "Graded a submission on {Course}: {Score}", graded.CourseCode, graded.Score); // clean direct
            activity?.SetTag("grading.student", pseudonymizer.Pseudonymize(StudentDomain, graded.StudentNumber).Value); // clean precision-pseudonym
            activity?.SetTag("grading.cohort", graded.StudentCohortYear); // clean precision-names
            _scores.Record((double)graded.Score, new KeyValuePair<string, object?>("grading.course", graded.CourseCode)); // clean direct
            _scores.Record((double)graded.Score, new TagList { { "grading.student", pseudonymizer.Compute(StudentDomain, graded.StudentNumber) } }); // leak TC1003 precision-pseudonym
            if (graded is { GuardianEmail: var guardian } && guardian is not null)
            {
                activity?.SetTag("grading.guardian.domain", guardian[(guardian.IndexOf('@') + 1)..]); // clean precision-about
                activity?.AddEvent(new ActivityEvent("grading.guardian.notified", tags: new ActivityTagsCollection { { "guardian", guardian } })); // leak TC1001 direct
            }

            if (graded.Score < 40)
            {
                failing.Add(graded.StudentNumber);
                logger.LogWarning("Low grade recorded: {Grade}", graded); // leak TC1001 logging-objects
            }
        }

        logger.LogWarning("Students below the pass mark: {Students}", string.Join(", ", failing)); // leak TC1001 strings
        Activity.Current?.SetTag("grading.failing.count", failing.Count); // clean precision-about
        logger.LogInformation("Batch finished {@Summary}", new { Failing = failing.Count, Students = failing.ToArray() }); // leak TC1001 logging-objects
        logger.LogInformation("Batch finished {@Summary}", new { Failing = failing.Count, Cohorts = failing.Count > 0 }); // clean logging-objects
    }
}
