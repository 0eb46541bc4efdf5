namespace Kerbside.Enforcement;

// Penalty charge notices, parking charge notices and appeals.

/// <summary>A penalty charge notice. Prints notice number, plate, contravention code, location code, amount and issuing officer's number.</summary>
public sealed record PenaltyNotice(string NoticeNumber, string Vrm, string ContraventionCode, string LocationCode, decimal Amount, string OfficerNumber);

/// <summary>A representation (appeal) against a notice: notice number, appellant email, grounds typed by the keeper.</summary>
public sealed record Representation(string NoticeNumber, string AppellantEmail, string Grounds, bool HasEvidence);

/// <summary>A notice's status as the enforcement system reports it: notice number, stage, amount due; names no one.</summary>
public sealed record NoticeStatus(string NoticeNumber, string Stage, decimal AmountDue);

public interface IPenaltyStore
{
    Task<PenaltyNotice?> FindAsync(string noticeNumber, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PenaltyNotice>> ForVehicleAsync(string vrm, CancellationToken cancellationToken = default);

    Task SaveAsync(PenaltyNotice notice, CancellationToken cancellationToken = default);

    Task<NoticeStatus> StatusAsync(string noticeNumber, CancellationToken cancellationToken = default);
}

public interface INoticeMailer
{
    Task SendAsync(string email, string templateId, IDictionary<string, string> fields, CancellationToken cancellationToken = default);
}

/// <summary>The notice is closed; quotes the notice number.</summary>
public sealed class NoticeClosedException(string noticeNumber) : Exception($"Notice {noticeNumber} is already closed");

/// <summary>The keeper already has an open notice for this visit; quotes the plate.</summary>
public sealed class DuplicateNoticeException(string vrm) : Exception($"An open notice already exists for {vrm}");

/// <summary>The payment provider declined the card; a fixed text.</summary>
public sealed class PaymentDeclinedException() : Exception("The card was declined");
