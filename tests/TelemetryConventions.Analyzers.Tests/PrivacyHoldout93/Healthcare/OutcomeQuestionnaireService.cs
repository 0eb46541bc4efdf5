namespace PrivacyHoldout93.Healthcare;

/// <summary>
/// Patient-reported outcome questionnaires after knee and hip surgery: scores the answers (twelve items of 0 to 4),
/// branches to the pain follow-up when the pain item is high, takes the free-text "anything else you want your
/// surgeon to know", and builds the clinics' aggregate report with small groups suppressed.
/// </summary>
public sealed partial class OutcomeQuestionnaireService(
    IFormRegistry forms,
    ISubmissionStore submissions,
    Pseudonymizer pseudonymizer,
    SurveyOptions options,
    FormTelemetry telemetry,
    ILogger<OutcomeQuestionnaireService> logger)
{
    private const string PainItem = "q4_pain_at_night";
    private const string AnythingElseField = "q13_anything_else";
    private const string SurgeonField = "hdn_consultant";

    private readonly Histogram<double> _totalScore = telemetry.Meter.CreateHistogram<double>("proms.total_score");

    public async Task<int> ScoreAsync(FormSubmission response, string clinic, CancellationToken cancellationToken)
    {
        var form = await forms.GetAsync(response.FormId, cancellationToken);
        using var span = telemetry.Source.StartIntakeSubmit(form.Id, spanName: "proms.score").SetIntakeClinic(clinic);
        var items = form.Fields.Where(f => f.Type == FieldType.OpinionScale).ToList();
        var total = items.Sum(f => response.Score(f.Id) ?? 0);
        span.SetIntakeScore(total);
        _totalScore.Record(total, new KeyValuePair<string, object?>("form", form.Id), new KeyValuePair<string, object?>("clinic", clinic)); // clean precision-names
        LogScored(logger, form.Id, total, items.Count); // clean precision-about

        var patient = response.RespondentId!;
        var rule = Branching.Match(form, response, PainItem);
        if (rule is not null)
        {
            span.Activity?.AddEvent(new ActivityEvent("proms.branch", tags: new ActivityTagsCollection { ["rule"] = rule.Id, ["jump_to"] = rule.JumpToFieldId, ["when"] = $"{rule.WhenFieldId} {rule.Operator} {rule.Value}" })); // clean precision-names
            logger.LogInformation("Pain follow-up opened for {Patient} after {Rule}", patient, rule); // leak TC1001 direct
        }

        var anythingElse = response.Answer(AnythingElseField);
        if (!string.IsNullOrWhiteSpace(anythingElse))
        {
            span.Activity?.SetTag("proms.free_text.length", anythingElse.Length); // clean precision-about
            span.Activity?.SetTag("proms.free_text.preview", anythingElse.Length > 80 ? anythingElse[..80] + "…" : anythingElse); // leak TC1001 strings
            span.SetIntakeNote($"Free text for {response.Hidden.GetValueOrDefault(SurgeonField)}: {anythingElse}"); // leak TC1001 generated-api
        }

        LogScoredFor(logger, form.Id, patient, total); // leak TC1001 logging-objects
        LogScoredForClassified(logger, form.Id, patient, total); // clean logging-objects
        logger.LogInformation("PROM {FormId} scored for {PatientRef}", form.Id, pseudonymizer.ComputeIntakeRespondentId(patient)); // clean precision-pseudonym
        return total;
    }

    public async Task<IReadOnlyList<QuestionAggregate>> ClinicReportAsync(string formId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var responses = await submissions.ListAsync(formId, from, to, cancellationToken);
        using var activity = telemetry.Source.StartActivity("proms.clinic_report");
        var aggregates = responses
            .GroupBy(r => r.Hidden.GetValueOrDefault("clinic") ?? "unknown")
            .Select(g => new QuestionAggregate(PainItem, g.Key, g.Count(), g.Average(r => r.Score(PainItem) ?? 0), false));
        var suppression = new SmallGroupSuppression(options.SmallGroupThreshold);
        var report = suppression.Apply(aggregates);
        activity?.SetTag("proms.groups", report.Count);
        activity?.SetTag("proms.groups.suppressed", string.Join(",", report.Where(a => a.Suppressed).Select(a => a.Group))); // clean precision-names
        logger.LogInformation("Clinic report for {FormId}: {@Aggregates}", formId, report); // clean logging-objects

        var singletons = responses.GroupBy(r => r.Hidden.GetValueOrDefault("clinic")).Where(g => g.Count() == 1).Select(g => g.Single().RespondentId);
        logger.LogDebug("Groups of one, suppressed: {Patients}", string.Join(", ", singletons)); // leak TC1001 strings
        return report;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PROM {FormId} scored {Total} over {Items} items")]
    private static partial void LogScored(ILogger logger, string formId, int total, int items);

    [LoggerMessage(Level = LogLevel.Debug, Message = "PROM {FormId} for patient {HospitalNumber} scored {Total}")]
    private static partial void LogScoredFor(ILogger logger, string formId, string hospitalNumber, int total);

    [LoggerMessage(Level = LogLevel.Debug, Message = "PROM {FormId} for patient {HospitalNumber} scored {Total}")]
    private static partial void LogScoredForClassified(ILogger logger, string formId, [PrivateData] string hospitalNumber, int total);
}
