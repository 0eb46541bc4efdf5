namespace Trialwise.Safety;

// The shapes of a sponsor's safety gateway: adverse event reports and acknowledgements.

/// <summary>An adverse event report. Prints the AE id, the participant's study number, the MedDRA code and term, the CTCAE grade, seriousness, causality and the investigator's narrative.</summary>
public sealed record AdverseEventReport(
    string AeId, string StudyNumber, string MeddraCode, string Term, int Grade, bool Serious, string Causality, string Narrative);

/// <summary>The sponsor's acknowledgement. Prints the AE id, the sponsor's case id and the status.</summary>
public sealed record SafetyAcknowledgement(string AeId, string SponsorCaseId, string Status);

public interface ISafetyGateway
{
    Task<SafetyAcknowledgement> SubmitAsync(AdverseEventReport report, CancellationToken cancellationToken = default);
}

/// <summary>The gateway rejected a report's field; the message quotes the participant's study number and the field.</summary>
public sealed class SafetyValidationException(string studyNumber, string field)
    : Exception($"Report for {studyNumber} rejected: {field} is missing or invalid")
{
    public string Field { get; } = field;
}

/// <summary>The expedited deadline has passed; the message quotes the AE id and the hours overdue.</summary>
public sealed class SusarDeadlineException(string aeId, double hoursOverdue) : Exception($"SUSAR {aeId} is {hoursOverdue:F0} h overdue");
