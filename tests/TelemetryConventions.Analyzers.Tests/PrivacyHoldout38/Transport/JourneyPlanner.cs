using PrivacyCorpus.Shared;

namespace PrivacyHoldout38.Transport;

public interface IRoutingEngine
{
    Task<IReadOnlyList<string>> PlanAsync(string requestJson, CancellationToken cancellationToken);
}

public sealed class JourneyPlannerService(ILogger<JourneyPlannerService> logger, IRoutingEngine engine)
{
    private static readonly string[] DefaultModes = ["bus", "tram"];

    public async Task<IReadOnlyList<string>> PlanAsync(string origin, string destination, CancellationToken cancellationToken, params string[] extraModes)
    {
        string[] modes = [.. DefaultModes, .. extraModes];
        var request = $$"""
            { "from": "{{origin}}", "to": "{{destination}}", "modes": [{{string.Join(",", modes.Select(m => $"\"{m}\""))}}] }
            """;

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["planner.modes"] = string.Join("+", modes) }); // clean direct
        logger.LogDebug("Routing request {Request}", request); // leak TC1001 strings
        logger.LogDebug("Routing request of {Length} characters, typed lengths {Typed}", request.Length, (origin.Length, destination.Length)); // clean precision-about

        var legs = await engine.PlanAsync(request, cancellationToken);
        logger.LogInformation("Planned {Legs} legs for {Modes}", legs.Count, modes); // clean precision-about
        return legs;
    }
}

public sealed partial class DutyLog(ILogger<DutyLog> logger)
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Driver {StaffNumber} took bus {FleetNumber}")]
    public partial void BusTaken([PrivateData] string staffNumber, string fleetNumber);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Driver {StaffNumber} signed off after {Hours} h")]
    public partial void SignedOff(string staffNumber, double hours);
}

public sealed class DriverDutyService(ILogger<DriverDutyService> logger, ActivitySource source, DutyLog dutyLog)
{
    public void SignOff(string staffNumber, TimeSpan onDuty) =>
        dutyLog.SignedOff(staffNumber, Math.Round(onDuty.TotalHours, 1)); // leak TC1001 cross-member

    public void SignOn(string staffNumber, FleetBus bus, string routeId)
    {
        dutyLog.BusTaken(staffNumber, bus.FleetNumber); // clean direct
        using var activity = source.StartActivity("duty.sign_on");
        (string Route, string Fleet) assignment = (routeId, bus.FleetNumber);
        activity?.SetTag("duty.assignment", assignment.ToString()); // clean strings
        activity?.SetTag("duty.driver", staffNumber); // leak TC1001 direct
        activity?.DisplayName = $"sign-on {routeId}/{bus.FleetNumber}"; // clean strings
        logger.LogInformation("Driver {Driver} signed on to {Bus}", staffNumber, bus); // leak TC1001 direct
    }
}
