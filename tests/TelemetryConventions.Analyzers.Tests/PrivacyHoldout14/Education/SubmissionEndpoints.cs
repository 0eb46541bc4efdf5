using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout14.Support;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Education;

public sealed record UploadedFile(string Name, long Length, string ContentType);

public sealed record SubmissionRequest(string StudentNumberText, string CourseCode, IReadOnlyList<UploadedFile> Files, string? ExtensionCode) : IHasStudent
{
    public StudentNumber Student => StudentNumber.Parse(StudentNumberText);
}

public sealed record Deadline(string CourseCode, DateTimeOffset Due, int MaxFiles);

public interface IDeadlineStore
{
    ValueTask<Deadline> ForCourseAsync(string courseCode, CancellationToken cancellationToken);
}

public sealed class SubmissionOptions
{
    public int MaxFileMegabytes { get; init; } = 50;

    public string[] TrackedCohorts { get; init; } = [];
}

public static class SubmissionEndpoints
{
    public static EndpointRoutes MapSubmissions(this EndpointRoutes routes) =>
        routes.MapPost("/courses/{courseCode}/submissions", SubmitAsync);

    private static async Task<ActionResult> SubmitAsync(
        SubmissionRequest request,
        IDeadlineStore deadlines,
        Pseudonymizer pseudonymizer,
        Meter meter,
        IOptions<SubmissionOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Submissions");
        var learner = pseudonymizer.PseudonymizeLearningStudentId(request.StudentNumberText);
        var span = Activity.Current.EnrichLearningSubmission(request.CourseCode).SetLearningStudentId(learner).SetLearningFileCount(request.Files.Count); // clean precision-pseudonym

        Baggage.SetBaggage("learning.student", request.StudentNumberText); // leak TC1001 direct
        var deadline = await deadlines.ForCourseAsync(request.CourseCode, cancellationToken);
        var lateBy = DateTimeOffset.UtcNow - deadline.Due;
        var oversized = request.Files.Where(f => f.Length > options.Value.MaxFileMegabytes * 1024L * 1024L).Select(f => f.Name).ToArray();

        if (request.Files.Count > deadline.MaxFiles)
        {
            span.SetLearningOutcome($"{request.StudentNumberText} sent {request.Files.Count} files, limit {deadline.MaxFiles}"); // leak TC1001 generated-api
            return new BadRequestResult($"At most {deadline.MaxFiles} files.");
        }

        span.SetLearningOutcome(lateBy > TimeSpan.Zero ? $"late by {lateBy.TotalHours:F0}h" : "on time"); // clean generated-api
        new CampusTags().Course(request.CourseCode).Files(request.Files.Count).Learner(learner).ApplyTo(Activity.Current); // clean precision-pseudonym
        Activity.Current?.SetTag("learning.oversized.files", oversized.Length); // clean precision-about

        meter.CreateLearningSubmissionsCounter().Add(1, learningCourseCode: request.CourseCode); // clean generated-api

        if (lateBy > TimeSpan.Zero)
        {
            var late = meter.CreateCounter<long>("learning.submissions.late");
            late.Add(1, [new("learning.course.code", request.CourseCode), new("learning.late.band", lateBy.TotalDays < 1 ? "same-day" : "later")]); // clean direct
            late.Add(1, [new("learning.course.code", request.CourseCode), new(LearningAttributes.StudentId, learner.Value)]); // leak TC1003 precision-pseudonym

            if (request.ExtensionCode is null)
            {
                Activity.Current.WithStudent(request); // leak TC1001 cross-member
                logger.LogWarning("Late submission without extension for {Course} by {Student}", request.CourseCode, request.Student); // leak TC1001 direct
            }
            else
            {
                Activity.Current.AddCampusEvent(new DeadlineExtended(request.CourseCode, (int)Math.Ceiling(lateBy.TotalDays))); // clean cross-member
            }
        }

        if (LearnerContext.Current is { } context && options.Value.TrackedCohorts.Contains(context.Programme))
        {
            Activity.Current?.SetTag("learning.programme", context.Programme); // clean direct
            Activity.Current?.SetTag(LearningAttributes.StudentId, context.Ref.Value); // clean precision-pseudonym
            Activity.Current?.SetTag("learning.student.campus", context.Student.Campus); // clean precision-about
        }

        return new OkResult(new { request.CourseCode, Received = request.Files.Count });
    }
}
