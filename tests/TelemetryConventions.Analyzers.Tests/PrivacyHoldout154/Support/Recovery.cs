namespace Motor.Recovery;

// The recovery club's member and dispatch systems.

/// <summary>A member. Prints membership number, name, mobile, email and cover level.</summary>
public sealed record Member(string MembershipNumber, string Name, string Mobile, string Email, string CoverLevel);

/// <summary>A breakdown call. Prints job id, membership number, mobile, registration, position, what3words address and the member's description.</summary>
public sealed record BreakdownCall(string JobId, string MembershipNumber, string Mobile, string Registration, double Latitude, double Longitude, string What3Words, string FaultDescription);

/// <summary>A patrol van (the club's). Prints call sign, registration and depot.</summary>
public sealed record PatrolVan(string CallSign, string Registration, string Depot);

/// <summary>A patrol. Prints staff number, name and call sign.</summary>
public sealed record Patrol(string StaffNumber, string Name, string CallSign);

/// <summary>A tow. Prints tow id, the member's car registration, destination garage and miles.</summary>
public sealed record TowRequest(string TowId, string Registration, string DestinationGarage, int Miles);

/// <summary>A dispatch. Prints job id, call sign and ETA.</summary>
public sealed record DispatchResult(string JobId, string CallSign, int EtaMinutes);

public interface IMemberDirectory
{
    Task<Member?> FindAsync(string membershipNumber, CancellationToken cancellationToken = default);

    Task<Member?> FindByRegistrationAsync(string registration, CancellationToken cancellationToken = default);
}

public interface IDispatchBoard
{
    Task<DispatchResult> DispatchAsync(BreakdownCall call, CancellationToken cancellationToken = default);

    Task<Patrol> PatrolAsync(string callSign, CancellationToken cancellationToken = default);

    Task BookTowAsync(TowRequest tow, CancellationToken cancellationToken = default);
}

/// <summary>Texts members their patrol's ETA; not telemetry.</summary>
public interface IMemberTexter
{
    Task TextAsync(string mobile, string text, CancellationToken cancellationToken = default);
}

/// <summary>The membership has lapsed; quotes the membership number.</summary>
public sealed class MembershipLapsedException(string membershipNumber) : Exception($"Membership {membershipNumber} has lapsed");

/// <summary>No patrol is free; quotes the region and the queue.</summary>
public sealed class NoPatrolAvailableException(string region, int queued) : Exception($"No patrol free in {region}; {queued} jobs queued")
{
    public string Region { get; } = region;
}

/// <summary>The what3words address did not resolve; quotes it.</summary>
public sealed class LocationUnresolvedException(string what3Words) : Exception($"Could not resolve ///{what3Words}");
