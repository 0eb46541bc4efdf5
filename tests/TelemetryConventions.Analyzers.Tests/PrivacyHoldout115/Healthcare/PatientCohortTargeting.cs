namespace PrivacyHoldout115.Healthcare;

public sealed record TargetingRule(string RuleId, string Attribute, string Operator, IReadOnlyList<string> Values, string Variant);

/// <summary>
/// Evaluates the portal's remote-monitoring invitation flag with the trust's own targeting rules: by
/// clinic and age band, and a rule naming the patients a consultant enrolled by hand.
/// </summary>
public sealed class PatientCohortTargeting(IReadOnlyList<TargetingRule> rules, Pseudonymizer pseudonymizer, ILogger<PatientCohortTargeting> logger)
{
    private static readonly ActivitySource Source = new("Trust.Portal.Targeting");
    private static readonly Meter Meter = new("Trust.Portal.Targeting");
    private static readonly CareflagEvaluationsCounter Evaluations = Meter.CreateCareflagEvaluationsCounter();

    private TargetingRule? _matched;
    private string _clinic = "";

    public string Evaluate(string hospitalNumber, string clinic, string ageBand, string? patientEmail)
    {
        _clinic = clinic;
        using var span = Source.StartCareflagEvaluate("remote-monitoring-invite");
        _matched = rules.FirstOrDefault(r => r.Attribute switch
        {
            "hospitalNumber" => r.Values.Contains(hospitalNumber),
            "clinic" => r.Values.Contains(clinic),
            "ageBand" => r.Values.Contains(ageBand),
            _ => false,
        });
        var variant = _matched?.Variant ?? "off";

        span.SetCareflagRuleId(_matched?.RuleId ?? "default").SetCareflagVariant(variant); // clean generated-api
        span.SetCareflagReason(_matched is null ? "DEFAULT" : "TARGETING_MATCH").SetCareflagSegment(clinic); // clean generated-api
        span.SetCareflagNote(_matched is null ? "no rule" : $"{_matched.Attribute} {_matched.Operator} {string.Join("|", _matched.Values)}"); // leak TC1001 generated-api
        span.SetCareflagSubjectId(Pseudonym.FromComputed(hospitalNumber)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag(CareflagAttributes.SubjectContact, patientEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag(CareflagAttributes.SubjectId, pseudonymizer.ComputeCareflagSubjectId(hospitalNumber)); // clean precision-pseudonym
        Evaluations.Add(1, "remote-monitoring-invite", variant, _matched?.RuleId); // clean generated-api
        LogMatch();
        return variant;
    }

    private void LogMatch()
    {
        logger.LogInformation("remote-monitoring-invite matched {Rule} in clinic {Clinic}", _matched?.RuleId, _clinic); // clean cross-member
        logger.LogDebug("Matched rule {Rule}", _matched); // clean logging-objects
        logger.LogDebug("Matched rule values {Values}", _matched?.Values); // leak TC1001 cross-member
    }
}
