namespace LifeEvents.Corteges;

// A transit operator's permits for funeral corteges and wedding cars on bus lanes, diversions, and bereavement refunds.

/// <summary>An application for a cortege permit. Prints application id, the funeral director's firm, the deceased's name, the applicant's name and phone, the route, the time, the vehicles and a family car's plate.</summary>
public sealed record CortegePermitApplication(string ApplicationId, string FuneralDirectorFirm, string DeceasedName, string ApplicantName, string ApplicantPhone, string RouteId, DateTimeOffset DepartsAt, int Vehicles, string? FamilyCarPlate);

/// <summary>A permit. Prints permit id, route, window and vehicles.</summary>
public sealed record PermitIssued(string PermitId, string RouteId, DateTimeOffset From, DateTimeOffset To, int Vehicles);

/// <summary>A diversion around a cortege or wedding. Prints diversion id, route, the stops closed (as a list's type name) and the delay.</summary>
public sealed record DiversionPlan(string DiversionId, string RouteId, IReadOnlyList<string> StopsClosed, int MinutesDelay);

/// <summary>A claim to refund a season ticket after its holder died. Prints claim id, smartcard number, holder's name, next of kin's name and email, date of death and unused value.</summary>
public sealed record SeasonTicketRefundClaim(string ClaimId, string SmartcardNumber, string HolderName, string KinName, string KinEmail, DateOnly DateOfDeath, decimal UnusedValue);

/// <summary>A refund decision. Prints claim id, amount and method.</summary>
public sealed record RefundDecision(string ClaimId, decimal Amount, string Method);

public interface IPermitOffice
{
    Task<PermitIssued> IssueAsync(CortegePermitApplication application, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PermitIssued>> PermitsForAsync(DateOnly day, CancellationToken cancellationToken = default);

    Task<DiversionPlan> PlanDiversionAsync(PermitIssued permit, CancellationToken cancellationToken = default);
}

/// <summary>The refunds desk, the smartcard back office and its letters; not telemetry.</summary>
public interface IRefundsDesk
{
    Task<RefundDecision> DecideAsync(SeasonTicketRefundClaim claim, CancellationToken cancellationToken = default);

    Task CancelSmartcardAsync(string smartcardNumber, CancellationToken cancellationToken = default);

    Task WriteAsync(string email, string templateId, CancellationToken cancellationToken = default);
}

/// <summary>The route cannot take a cortege; quotes the route and a reason code.</summary>
public sealed class RouteClosedException(string routeId, string reasonCode) : Exception($"Route {routeId} is closed ({reasonCode})")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>Another permit holds the window; quotes both permits.</summary>
public sealed class PermitClashException(string permitId, string otherPermitId) : Exception($"Permit {permitId} clashes with {otherPermitId}");

/// <summary>No smartcard has this number; quotes it.</summary>
public sealed class SmartcardNotFoundException(string smartcardNumber) : Exception($"Smartcard {smartcardNumber} not found");

/// <summary>A family car is not on the permit; quotes its plate.</summary>
public sealed class FamilyVehicleNotRegisteredException(string plate) : Exception($"Vehicle {plate} is not on the cortege permit");
