namespace PrivacyHoldout135.Media;

/// <summary>A welfare concern about a contributor to a reality series, raised by the production's duty of care team.</summary>
public sealed record WelfareConcern(string CaseId, string Series, string ContributorId, string ContributorName, string ContributorMobile, string RaisedByProducerEmail, string Concern, RiskLevel Risk, bool AftercareOffered);

public sealed class WelfareEscalationException(string contributorName, string reason)
    : Exception($"Welfare escalation for {contributorName} failed: {reason}");

/// <summary>Files duty-of-care concerns into the safeguarding store and pages the production's psychologist on high risk.</summary>
public sealed partial class ContributorWelfareCaseHandler(ISafeguardingCaseStore cases, Pseudonymizer pseudonymizer, ILogger<ContributorWelfareCaseHandler> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.DutyOfCare");
    private static readonly Meter Meter = new("Broadcaster.DutyOfCare");
    private static readonly StudiosafeReportsCounter Reports = Meter.CreateStudiosafeReportsCounter();
    private static readonly Counter<long> Concerns = Meter.CreateCounter<long>("dutyofcare.concerns", "{concern}");

    private WelfareConcern? _lastHighRisk;

    public async Task HandleAsync(WelfareConcern concern, CancellationToken ct)
    {
        using var span = Source.StartStudiosafeReport(concern.CaseId);
        span.SetStudiosafeStudio(concern.Series); // clean precision-names
        span.SetStudiosafeSeverity(concern.Risk.ToString()); // clean precision-about
        span.SetStudiosafeContributorId(pseudonymizer.PseudonymizeStudiosafeContributorId(concern.ContributorId)); // clean precision-pseudonym
        span.Activity?.SetTag("dutyofcare.aftercare", concern.AftercareOffered); // clean precision-about
        span.Activity?.SetTag("dutyofcare.raised_by", concern.RaisedByProducerEmail); // leak TC1001 direct
        span.Activity?.SetTag("dutyofcare.raised_by.domain", concern.RaisedByProducerEmail.Split('@')[1]); // clean precision-about
        span.Activity?.SetTag(StudiosafeAttributes.Contact, pseudonymizer.ComputeStudiosafeContributorId(concern.ContributorMobile)); // leak TC1001 precision-pseudonym
        Concerns.Add(1, new KeyValuePair<string, object?>("series", concern.Series), new KeyValuePair<string, object?>("risk", concern.Risk.ToString())); // clean precision-about

        if (concern.Risk >= RiskLevel.High)
        {
            _lastHighRisk = concern;
            LogHighRisk(logger, concern.CaseId, concern.ContributorName, concern.Concern); // leak TC1001 direct
        }

        try
        {
            var filed = await cases.FileAsync(new SafeguardingConcern(concern.CaseId, concern.ContributorId, concern.ContributorName, concern.RaisedByProducerEmail, "contributor-welfare", concern.Risk, concern.Concern), ct);
            Reports.Add(1, concern.Series, "welfare", filed.Escalated ? "escalated" : "filed"); // clean generated-api
            if (filed.Escalated && !concern.AftercareOffered)
            {
                throw new WelfareEscalationException(concern.ContributorName, "aftercare not offered");
            }
        }
        catch (WelfareEscalationException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogError("Escalation failed: {Type}", ex.GetType().Name); // clean exceptions
        }
    }

    public void Handover(string incomingProducer)
    {
        logger.LogInformation("Duty of care handed to {Producer}; last high-risk case {CaseId}", incomingProducer, _lastHighRisk?.CaseId); // leak TC1001 direct
        Activity.Current?.SetTag("dutyofcare.last_high_risk.contributor", _lastHighRisk?.ContributorMobile); // leak TC1001 cross-member
        Activity.Current?.SetTag("dutyofcare.last_high_risk.series", _lastHighRisk?.Series); // clean cross-member
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "High risk welfare case {CaseId}: {ContributorName} - {Concern}")]
    private static partial void LogHighRisk(ILogger logger, string caseId, string contributorName, string concern);
}
