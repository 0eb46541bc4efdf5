namespace PrivacyHoldout93.Education;

/// <summary>
/// End-of-module course evaluations. The survey is anonymous to teaching staff, but each student's link carries
/// their student number as a hidden field so that registry can chase non-responders. Comments about the module and
/// its lecturer go through sentiment and key phrase analysis; module reports suppress groups under the threshold.
/// </summary>
public sealed class CourseEvaluationService(
    ISubmissionStore submissions,
    ITextAnalyticsClient textAnalytics,
    TopicLexicon lexicon,
    Pseudonymizer pseudonymizer,
    SurveyOptions options,
    FormTelemetry telemetry,
    ILogger<CourseEvaluationService> logger)
{
    private const string OverallField = "q1_overall";
    private const string LecturerField = "q5_lecturer_name";
    private const string CommentField = "q9_comments";
    private const string StudentNumberHidden = "sn";

    private readonly CourseevalSubmissionsCounter _submitted = telemetry.Meter.CreateCourseevalSubmissionsCounter();
    private readonly Histogram<int> _scoresByStudent = telemetry.Meter.CreateHistogram<int>("courseeval.score.by_student");
    private readonly Counter<long> _topics = telemetry.Meter.CreateCounter<long>("courseeval.comment.topics");

    public async Task RecordAsync(FormSubmission response, FormDefinition form, string module, CancellationToken cancellationToken)
    {
        using var span = telemetry.Source.StartCourseevalSubmit(form.Id)
            .SetCourseevalCourse(module) // clean precision-names
            .SetCourseevalAnonymous(form.Anonymous)
            .SetCourseevalChannel(response.Channel); // clean precision-names
        var studentNumber = response.Hidden.GetValueOrDefault(StudentNumberHidden);
        if (studentNumber is not null)
        {
            span.SetCourseevalRespondentId(pseudonymizer.PseudonymizeCourseevalRespondentId(studentNumber)); // clean precision-pseudonym
            span.Activity?.SetTag("courseeval.hidden", string.Join("&", response.Hidden.Select(h => $"{h.Key}={h.Value}"))); // leak TC1001 strings
        }
        span.Activity?.SetTag("courseeval.hidden.keys", string.Join(",", response.Hidden.Keys)); // clean precision-names

        var overall = response.Score(OverallField);
        if (overall is int score)
        {
            span.SetCourseevalScore(score);
            if (studentNumber is not null)
            {
                _scoresByStudent.Record(score, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeCourseevalRespondentId(studentNumber))); // leak TC1003 precision-pseudonym
            }
        }

        var lecturer = response.Answer(LecturerField);
        logger.LogInformation("Evaluation of {Module} rated {Score} for lecturer {Lecturer}", module, overall, lecturer); // leak TC1001 direct

        var comment = response.Answer(CommentField);
        if (!string.IsNullOrWhiteSpace(comment))
        {
            try
            {
                var sentiment = await textAnalytics.AnalyzeAsync(comment, "en", cancellationToken);
                span.Activity?.SetTag("courseeval.comment.sentiment", sentiment.Label); // clean precision-about
                logger.LogInformation("Comment sentiment {Sentiment}", sentiment); // clean logging-objects
                logger.LogDebug("Key phrases {KeyPhrases}", string.Join(" | ", sentiment.KeyPhrases)); // leak TC1001 strings
                if (sentiment.Negative > 0.8)
                {
                    span.Activity?.AddEvent(new ActivityEvent("courseeval.comment.negative", tags: new ActivityTagsCollection { ["comment"] = comment })); // leak TC1001 direct
                }
            }
            catch (TextAnalyticsException failure)
            {
                span.RecordException(failure, includeMessage: true); // clean exceptions
            }
            foreach (var (topic, hits) in lexicon.Count(comment).Where(t => t.Value > 0))
            {
                _topics.Add(hits, new KeyValuePair<string, object?>("topic", topic), new KeyValuePair<string, object?>("module", module)); // clean precision-names
            }
        }

        await submissions.SaveAsync(response, cancellationToken);
        _submitted.Add(1, form.Id, response.Channel, "submitted"); // clean generated-api
        _submitted.Add(1, form.Id, response.Channel, studentNumber is null ? "anonymous" : $"tracked:{studentNumber}"); // leak TC1003 generated-api
    }

    public IReadOnlyList<QuestionAggregate> ModuleReport(IReadOnlyList<FormSubmission> responses, string module)
    {
        using var activity = telemetry.Source.StartActivity("courseeval.module_report");
        var aggregate = new QuestionAggregate(OverallField, module, responses.Count, responses.Average(r => r.Score(OverallField) ?? 0), false);
        var report = new SmallGroupSuppression(options.SmallGroupThreshold).Apply(new[] { aggregate });
        activity?.SetTag("courseeval.module.suppressed", report[0].Suppressed); // clean precision-about
        logger.LogInformation("Module report {Report}", report[0]); // clean logging-objects
        var nonResponders = responses.Where(r => r.Answers.Count == 0).Select(r => r.Hidden.GetValueOrDefault(StudentNumberHidden)).ToList();
        logger.LogInformation("{Count} non-responders on {Module}: {StudentNumbers}", nonResponders.Count, module, nonResponders); // leak TC1001 logging-objects
        return report;
    }
}
