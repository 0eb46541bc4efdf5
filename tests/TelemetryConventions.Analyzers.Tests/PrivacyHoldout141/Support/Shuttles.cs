namespace PrivacyHoldout141.Support;

// A power station's staff and contractor shuttles (car parks, gatehouse, turbine hall, outage village)
// and its pool e-bikes, with the site access system that reads passes.

/// <summary>A seat booking. Prints the booking, the staff or contractor number, the worker's name, the employer, the stops, the departure, the seats and the accessibility note.</summary>
public sealed record ShuttleBooking(
    string BookingId,
    string WorkerNumber,
    string WorkerName,
    string Employer,
    string FromStop,
    string ToStop,
    DateTimeOffset Departure,
    int Seats,
    string? AccessibilityNote);

/// <summary>A pass tapped on a shuttle's reader. Prints the shuttle's fleet number, the site pass number, the stop and the time.</summary>
public sealed record BoardingTap(string ShuttleFleetNumber, string SitePassNumber, string Stop, DateTimeOffset At);

/// <summary>A shuttle run. Prints the run, the shuttle's fleet number and registration, the route, the boardings, the capacity and the departure.</summary>
public sealed record ShuttleRun(string RunId, string ShuttleFleetNumber, string ShuttleRegistration, string Route, int Boarded, int Capacity, DateTimeOffset DepartedAt);

/// <summary>The holder of a site pass, as the access system returns it. Prints the pass, the worker number, the name and the employer.</summary>
public sealed record PassHolder(string SitePassNumber, string WorkerNumber, string Name, string Employer, bool Contractor);

public interface ISiteAccessClient
{
    Task<PassHolder?> FindHolderAsync(string sitePassNumber, CancellationToken cancellationToken = default);

    Task<bool> IsInductedAsync(string workerNumber, string area, CancellationToken cancellationToken = default);
}

public interface IShuttleScheduler
{
    Task<ShuttleRun?> NextRunAsync(string fromStop, string toStop, DateTimeOffset after, CancellationToken cancellationToken = default);

    Task ReserveAsync(string runId, ShuttleBooking booking, CancellationToken cancellationToken = default);

    Task<ShuttleRun> CloseRunAsync(string runId, CancellationToken cancellationToken = default);

    Task<string> DriverOfRunAsync(string runId, CancellationToken cancellationToken = default);
}

/// <summary>The pass is not valid for the area; the message quotes the pass number and the gate.</summary>
public sealed class PassNotValidException(string sitePassNumber, string gate) : Exception($"Pass {sitePassNumber} not valid at {gate}")
{
    public string Gate { get; } = gate;
}

/// <summary>The run is full; the message quotes the run and its capacity.</summary>
public sealed class ShuttleFullException(string runId, int capacity) : Exception($"Run {runId} is full ({capacity} seats)")
{
    public string RunId { get; } = runId;
}
