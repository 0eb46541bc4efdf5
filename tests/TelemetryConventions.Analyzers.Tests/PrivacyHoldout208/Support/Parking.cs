namespace PrivacyHoldout208.Support;

// The parking platform's records. A vehicle registration mark (VRM) of a private car, a keeper's
// name and address, an appellant's statement and email, a blue badge number and an officer's id
// are personal; notice numbers, zones, contravention codes, handhelds and amounts are not.

public sealed record PenaltyChargeNotice(
    string PcnNumber,
    string Vrm,
    string ContraventionCode,
    string ZoneCode,
    string OfficerId,
    string DeviceId,
    decimal Amount,
    DateTimeOffset IssuedAt);

public sealed record KeeperDetails(string Vrm, string KeeperName, string AddressLine, string Postcode, bool IsCompany);

public sealed record Appeal(
    string AppealId,
    string PcnNumber,
    string GroundsCode,
    string Statement,
    string AppellantName,
    string AppellantEmail,
    int PhotoCount);

public sealed record AppealPhoto(string PhotoId, string AppealId, byte[] Bytes, double? Latitude, double? Longitude, string? CameraOwner);

public sealed record BlueBadge(string BadgeNumber, string HolderName, DateOnly Expiry, string IssuingCouncil);

public sealed record PcnPayment(string PaymentId, string PcnNumber, decimal Amount, string CardLastFour, string PayerEmail);

public sealed record DebtCase(string CaseId, string PcnNumber, string DebtorName, string DebtorAddress, decimal Outstanding, string Stage);

/// <summary>What dashboards show of a notice: no plate, no officer.</summary>
public sealed record NoticeSummary(string PcnNumber, string ContraventionCode, string ZoneCode, decimal Amount, string Status);

public sealed record WardenShift(string ShiftId, string BeatCode, string DeviceId, int NoticesIssued);

public sealed record AnprRead(string CameraId, string Vrm, double Confidence, DateTimeOffset SeenAt);

public sealed record ParkingPermit(string PermitId, string Vrm, string HolderEmail, string PermitType, DateOnly ValidUntil);

/// <summary>A handheld the council owns; a class without ToString.</summary>
public sealed class HandheldDevice
{
    public required string DeviceId { get; init; }

    public required string Model { get; init; }

    public required string FirmwareVersion { get; init; }

    public int BatteryPercent { get; init; }
}

/// <summary>The officer signed in on a handheld; a class without ToString.</summary>
public sealed class OfficerSession
{
    public required string OfficerId { get; init; }

    public required string OfficerName { get; init; }

    public required string BeatCode { get; init; }
}

// Systems of record and gateways (not telemetry).

public interface IPenaltyNoticeStore
{
    Task<PenaltyChargeNotice?> FindAsync(string pcnNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<PenaltyChargeNotice>> ForVehicleAsync(string vrm, CancellationToken cancellationToken);

    Task SaveAsync(PenaltyChargeNotice notice, CancellationToken cancellationToken);

    Task SetStatusAsync(string pcnNumber, string status, CancellationToken cancellationToken);
}

public interface IDvlaKeeperEnquiry
{
    Task<KeeperDetails> KeeperAtDateAsync(string vrm, DateTimeOffset at, CancellationToken cancellationToken);
}

public interface IAppealStore
{
    Task<Appeal?> FindAsync(string appealId, CancellationToken cancellationToken);

    Task SaveAsync(Appeal appeal, CancellationToken cancellationToken);

    Task AttachPhotoAsync(AppealPhoto photo, CancellationToken cancellationToken);
}

public interface IBlueBadgeRegister
{
    Task<BlueBadge?> LookupAsync(string badgeNumber, CancellationToken cancellationToken);
}

public interface IPaymentGateway
{
    Task<string> TakeAsync(string pcnNumber, decimal amount, string cardToken, CancellationToken cancellationToken);
}

public interface IDebtRecoveryAgency
{
    Task<string> InstructAsync(DebtCase debtCase, CancellationToken cancellationToken);
}

public interface ILetterPrinter
{
    Task SendNoticeToKeeperAsync(KeeperDetails keeper, PenaltyChargeNotice notice, CancellationToken cancellationToken);
}

// Exceptions.

/// <summary>The DVLA holds no keeper for the plate; the message quotes the plate.</summary>
public sealed class KeeperNotFoundException(string vrm) : Exception($"DVLA has no keeper record for {vrm}")
{
    public string Vrm { get; } = vrm;
}

/// <summary>The badge was not found or has expired; the message quotes the badge number.</summary>
public sealed class BadgeInvalidException(string badgeNumber) : Exception($"Blue badge {badgeNumber} is not valid")
{
    public string BadgeNumber { get; } = badgeNumber;
}

/// <summary>An appeal could not be registered; the message quotes the appellant's email.</summary>
public sealed class AppealRejectedException(string appellantEmail, string reason) : Exception($"Appeal from {appellantEmail} rejected: {reason}");

/// <summary>The debt agency refused a case; the message quotes the debtor's name.</summary>
public sealed class DebtorDisputeException(string debtorName) : Exception($"Debtor {debtorName} disputes the debt");

/// <summary>The DVLA's KADOE service failed; the message holds only the status code.</summary>
public sealed class DvlaUnavailableException(int statusCode) : Exception($"DVLA enquiry failed with HTTP {statusCode}")
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>No notice has this number; the message quotes only the notice number.</summary>
public sealed class NoticeNotFoundException(string pcnNumber) : Exception($"No penalty charge notice {pcnNumber}");

/// <summary>The acquirer declined; the message holds the payment and a response code.</summary>
public sealed class PaymentDeclinedException(string paymentId, string responseCode) : Exception($"Payment {paymentId} declined ({responseCode})")
{
    public string ResponseCode { get; } = responseCode;
}
