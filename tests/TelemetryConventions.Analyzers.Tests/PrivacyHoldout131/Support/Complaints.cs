namespace Settle.Complaints;

// A complaints case system and the ombudsman schemes' referral portals.

public enum OmbudsmanScheme
{
    HealthServiceOmbudsman,
    IndependentAdjudicator,
    EnergyOmbudsman,
    CommunicationsOmbudsman,
    RailOmbudsman,
    RetailOmbudsman,
}

/// <summary>A complaint as the case system holds it. Its printed form carries the complainant.</summary>
public sealed record Complaint(
    string ComplaintRef,
    string ComplainantRef,
    string ComplainantName,
    string ComplainantEmail,
    string Summary,
    string Stage,
    DateTimeOffset OpenedAt);

/// <summary>A referral to an ombudsman: the scheme's case reference and the complainant's details.</summary>
public sealed record OmbudsmanReferral(
    string CaseRef,
    string ComplaintRef,
    OmbudsmanScheme Scheme,
    string ComplainantName,
    string ComplainantEmail,
    DateTimeOffset ReferredAt);

/// <summary>An ombudsman's decision on a case: outcome, award and dates.</summary>
public sealed record OmbudsmanDecision(
    string CaseRef,
    string ComplaintRef,
    string Outcome,
    bool Upheld,
    decimal AwardAmount,
    IReadOnlyList<string> Remedies,
    DateOnly DecidedOn);

/// <summary>A goodwill or compensation payment to one person.</summary>
public sealed record GoodwillPayment(string PaymentRef, string RecipientRef, decimal Amount, string ReasonCode);

public interface IOmbudsmanPortal
{
    Task<OmbudsmanReferral> ReferAsync(Complaint complaint, OmbudsmanScheme scheme, CancellationToken cancellationToken);

    Task<IReadOnlyList<OmbudsmanDecision>> DecisionsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

public interface IComplaintsStore
{
    Task<Complaint?> FindAsync(string complaintRef, CancellationToken cancellationToken);

    Task MarkReferredAsync(string complaintRef, string caseRef, CancellationToken cancellationToken);
}

public sealed class ComplaintNotFoundException(string complaintRef)
    : Exception($"No complaint {complaintRef}.")
{
    public string ComplaintRef { get; } = complaintRef;
}

/// <summary>The scheme refuses a referral made before the deadlock letter: it quotes the complainant's email.</summary>
public sealed class DeadlockLetterMissingException(string complaintRef, string complainantEmail)
    : Exception($"No deadlock letter was sent to {complainantEmail} for complaint {complaintRef}.")
{
    public string ComplaintRef { get; } = complaintRef;
}

public sealed class CompensationCapExceededException(decimal requested, decimal cap)
    : Exception($"Compensation of {requested:0.00} exceeds the cap of {cap:0.00}.")
{
    public decimal Cap { get; } = cap;
}
