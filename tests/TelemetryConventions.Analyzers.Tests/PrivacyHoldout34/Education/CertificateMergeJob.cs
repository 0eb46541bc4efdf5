using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout34.Support.Templating;
using PrivacyHoldout34.Telemetry;

namespace PrivacyHoldout34.Education;

public sealed record CompletionRow(string StudentNumber, string FullName, string CourseCode, string CourseTitle, DateOnly CompletedOn, string Grade);

public interface ICompletionSource
{
    Task<IReadOnlyList<CompletionRow>> ReadCohortAsync(string courseCode, CancellationToken cancellationToken);
}

/// <summary>Each night, merges certificates of completion for the courses that closed that day.</summary>
public sealed class CertificateMergeJob(ICompletionSource completions, Meter meter, ILogger<CertificateMergeJob> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Campus.Certificates");
    private static readonly MailMergeDocument Certificate = MailMergeDocument.Load(
        "certificate-of-completion",
        "This certifies that «FullName» («StudentNumber») completed «CourseTitle» on «CompletedOn» with grade «Grade».");

    private readonly Histogram<int> _cohortSize = meter.CreateHistogram<int>("certificates.cohort.size");

    public IReadOnlyList<string> ClosedCourses { get; init; } = ["CS101", "MA204"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var course in ClosedCourses)
        {
            using var activity = Source.StartActivity("certificates.merge");
            activity?.SetTag("course.code", course);
            var cohort = await completions.ReadCohortAsync(course, stoppingToken);
            _cohortSize.Record(cohort.Count, new KeyValuePair<string, object?>("course", course)); // clean precision-about
            logger.LogInformation("Certificate template {Template} uses fields {Fields}", Certificate.Name, string.Join(",", Certificate.FieldNames)); // clean precision-names

            foreach (var row in cohort)
            {
                var values = new Dictionary<string, string?>
                {
                    ["FullName"] = row.FullName,
                    ["StudentNumber"] = row.StudentNumber,
                    ["CourseTitle"] = row.CourseTitle,
                    ["CompletedOn"] = row.CompletedOn.ToString("d MMMM yyyy"),
                    ["Grade"] = row.Grade,
                };

                var output = Certificate.Merge(values);
                if (output.MissingFields.Count > 0)
                {
                    logger.LogWarning("Certificate for {Course} is missing {Fields}", course, output.MissingFields); // clean precision-names
                    logger.LogWarning("Merge row was {@Row}", values); // leak TC1001 logging-objects
                    meter.CreateDocumentRendersCounter().Add(1, documentKind: "certificate", documentOutcome: $"missing:{string.Join('+', output.MissingFields)}"); // clean generated-api
                    continue;
                }

                activity?.AddEvent(new ActivityEvent("certificate.merged", tags: new ActivityTagsCollection { ["certificate.text"] = output.Body })); // leak TC1001 strings
                meter.CreateDocumentRendersCounter().Add(1, documentKind: "certificate", documentOutcome: $"issued:{row.StudentNumber}"); // leak TC1003 generated-api
            }

            logger.LogInformation("Merged {Count} certificates for {Course}; first learner {First}", cohort.Count, course, cohort.FirstOrDefault()?.StudentNumber); // leak TC1001 direct
        }
    }
}
