using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout37.Support.ContactCentre;
using PrivacyHoldout37.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout37.Education;

/// <summary>Team leaders score a sample of each adviser's calls against the quality form.</summary>
public sealed class AdviserQualityReview(Pseudonymizer pseudonymizer, ILogger<AdviserQualityReview> logger)
{
    private const int PassMark = 2;
    private static readonly ActivitySource Source = new("University.Admissions.Quality");
    private static readonly Meter Meter = new("University.Admissions.Quality");
    private static readonly Histogram<int> Scores = Meter.CreateHistogram<int>("admissions.quality.score");
    private static readonly Counter<long> Coaching = Meter.CreateCounter<long>("admissions.quality.coaching");

    public void Submit(QualityEvaluation evaluation, string queue)
    {
        using var activity = Source.StartActivity("quality.submit");
        activity?.SetTag("quality.evaluation.id", evaluation.Id);
        activity?.SetTag("quality.form.version", evaluation.FormVersion);
        activity?.SetTag("quality.total", evaluation.Total);
        activity?.SetTag("quality.evaluator", evaluation.EvaluatorEmail); // leak TC1001 direct
        activity?.SetTag("quality.adviser.ref", pseudonymizer.Pseudonymize("quality.adviser", evaluation.AgentStaffNumber).Value); // clean precision-pseudonym

        Scores.Record(evaluation.Total, new KeyValuePair<string, object?>("quality.form", evaluation.FormVersion), new KeyValuePair<string, object?>("quality.queue", queue)); // clean precision-about
        Scores.Record(evaluation.Total, new KeyValuePair<string, object?>("quality.adviser", evaluation.AgentStaffNumber)); // leak TC1003 direct

        var failed = evaluation.Scores.Where(s => s.Value < PassMark).Select(s => s.Key).ToList();
        activity?.SetTag("quality.failed.criteria", string.Join(",", failed)); // clean strings
        if (failed.Count > 0)
        {
            var tags = new TagList { { "quality.queue", queue }, { "quality.adviser.ref", pseudonymizer.Pseudonymize("quality.adviser", evaluation.AgentStaffNumber).Value } };
            Coaching.Add(1, tags); // leak TC1003 precision-pseudonym
            logger.LogInformation("Adviser {Adviser} flagged for coaching on {Criteria}", evaluation.AgentStaffNumber, failed); // leak TC1001 direct
        }

        activity?.SetTag("quality.comments.length", evaluation.Comments?.Length ?? 0); // clean precision-about
        activity?.AddEvent(new ActivityEvent("quality.comments", tags: new ActivityTagsCollection { ["text"] = evaluation.Comments })); // leak TC1001 direct
        logger.LogInformation("Quality evaluation submitted {@Evaluation}", evaluation); // leak TC1001 logging-objects
        logger.LogInformation("Quality evaluation {Id} of {CallSid}: {Total} on form {Form}", evaluation.Id, evaluation.CallSid, evaluation.Total, evaluation.FormVersion); // clean logging-objects
    }
}
