namespace AccessKit.Arrangements;

/// <summary>Exam access arrangements approved for one candidate. Prints its members: centre, candidate number, the arrangement codes as their list's type name, the approving SENCo's staff id and the evidence note.</summary>
public sealed record AccessArrangement(string CentreNumber, string CandidateNumber, IReadOnlyList<string> ArrangementCodes, string ApprovedByStaffId, string EvidenceNote);

/// <summary>An order of modified papers (enlarged, braille, coloured): centre, paper, format and quantity. Prints its members.</summary>
public sealed record ModifiedPaperOrder(string CentreNumber, string PaperCode, string Format, int Quantity, DateOnly SittingOn);

/// <summary>A reader or scribe allocated to a candidate: the invigilator's staff id and name, the candidate, the room. Prints its members.</summary>
public sealed record SupportWorkerAllocation(string StaffId, string StaffName, string CandidateNumber, string Room, string Role);

/// <summary>The exam board's access arrangements portal; not telemetry.</summary>
public interface IAccessArrangementsPortal
{
    Task<string> SubmitAsync(AccessArrangement arrangement, CancellationToken cancellationToken = default);

    Task<string> OrderPapersAsync(ModifiedPaperOrder order, CancellationToken cancellationToken = default);
}

/// <summary>The board refused an application; quotes the candidate number and the board's reason.</summary>
public sealed class ArrangementRejectedException(string candidateNumber, string reason)
    : Exception($"Access arrangement for candidate {candidateNumber} rejected: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>The order deadline for modified papers passed; quotes the paper and the deadline.</summary>
public sealed class PaperOrderDeadlineException(string paperCode, DateOnly deadline)
    : Exception($"Modified paper order for {paperCode} closed on {deadline:yyyy-MM-dd}");
