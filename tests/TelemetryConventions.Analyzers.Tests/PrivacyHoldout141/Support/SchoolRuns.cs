namespace PrivacyHoldout141.Support;

// A council's school-run taxi contracts: eligible pupils, contract routes run by taxi firms, escorts,
// drivers vetted for school work and parents' not-travelling notices.

/// <summary>A pupil on school transport. Prints the council's transport reference, the pupil's name, school, home postcode, a parent's mobile and the care note.</summary>
public sealed record SchoolRunPassenger(
    string TransportRef,
    string PupilName,
    string SchoolUrn,
    string HomePostcode,
    string ParentMobile,
    string? CareNote,
    bool NeedsEscort);

/// <summary>A contract route. Prints the route, the firm, the school and the seats (its passengers print as their list's type name).</summary>
public sealed record SchoolRunRoute(string RouteId, string FirmCode, string SchoolUrn, int Seats, IReadOnlyList<SchoolRunPassenger> Passengers);

/// <summary>A parent's notice that a pupil will not travel. Prints the transport reference, the date, the session, the reason typed and the parent's name.</summary>
public sealed record NotTravellingNotice(string TransportRef, DateOnly Date, string Session, string Reason, string ParentName);

/// <summary>A firm's driver put forward for school work. Prints the badge, the name, the DBS certificate, the barred list check and the firm.</summary>
public sealed record DriverVettingRecord(string BadgeNumber, string DriverName, string DbsCertificateNumber, bool BarredListChecked, DateOnly DbsIssuedOn, string FirmCode);

public interface ISchoolContractsClient
{
    Task<IReadOnlyList<SchoolRunRoute>> GetRoutesAsync(string schoolUrn, CancellationToken cancellationToken = default);

    Task AssignAsync(string routeId, string transportRef, CancellationToken cancellationToken = default);

    Task NotifyFirmAsync(string firmCode, string text, CancellationToken cancellationToken = default);

    Task<string?> EscortForRouteAsync(string routeId, CancellationToken cancellationToken = default);

    Task ApproveDriverAsync(string firmCode, string badgeNumber, CancellationToken cancellationToken = default);
}

/// <summary>The route has no free seat; the message quotes the route and its seats.</summary>
public sealed class RouteFullException(string routeId, int seats) : Exception($"Route {routeId} is full ({seats} seats)")
{
    public string RouteId { get; } = routeId;
}

/// <summary>The pupil is not on the route; the message quotes the transport reference and the route.</summary>
public sealed class PassengerNotOnRouteException(string transportRef, string routeId)
    : Exception($"Passenger {transportRef} is not on route {routeId}")
{
    public string RouteId { get; } = routeId;
}

/// <summary>The driver matched the children's barred list; the message quotes the driver's name and badge.</summary>
public sealed class BarredListMatchException(string driverName, string badgeNumber)
    : Exception($"Driver {driverName} (badge {badgeNumber}) matched the barred list")
{
    public string Outcome { get; } = "barred";
}
