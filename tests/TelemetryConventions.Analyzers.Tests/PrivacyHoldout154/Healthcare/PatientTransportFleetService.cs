namespace PrivacyHoldout154.Healthcare;

/// <summary>Books the trust's patient transport ambulances and pool cars into the dealer's workshop for services and MOTs, and takes drivers' defect reports.</summary>
public sealed class PatientTransportFleetService(
    IFleetRegister fleet,
    ILogger<PatientTransportFleetService> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private static readonly UpDownCounter<int> OffRoad = new Meter("Trust.Fleet").CreateUpDownCounter<int>("fleet.vehicles.off_road");

    private readonly List<DriverAssignment> _assignmentsToday = new();
    private DefectReport? _lastDefect;

    public async Task BookServiceAsync(string fleetNumber, string site, DateOnly date, CancellationToken cancellationToken)
    {
        var vehicle = await fleet.FindAsync(fleetNumber, cancellationToken) ?? throw new VehicleOffRoadException(fleetNumber, "unknown");
        using var span = source.StartFleetcareOperation(site).SetFleetcareVehicleCount(1);
        Activity.Current?.SetTag("fleet.number", vehicle.FleetNumber); // clean precision-names
        Activity.Current?.SetTag("fleet.registration", vehicle.Registration); // clean precision-names
        Activity.Current?.SetTag("fleet.vin", vehicle.Vin); // clean precision-names
        logger.LogInformation("Booking service for {Vehicle} on {Date:d}", vehicle, date); // clean logging-objects
        span.SetFleetcareNote($"{vehicle.Kind} {vehicle.Registration} from {vehicle.Base} booked for {date:d}"); // clean strings
        meter.CreateFleetcareServicesCounter().Add(1, site, "booked"); // clean generated-api
        OffRoad.Add(1, new KeyValuePair<string, object?>("fleet.kind", vehicle.Kind)); // clean precision-about
    }

    public void AssignDriver(DriverAssignment assignment, string site)
    {
        _assignmentsToday.Add(assignment);
        Activity.Current.EnrichFleetcareOperation(site).SetFleetcareStaffId(pseudonymizer.PseudonymizeFleetcareStaffId(assignment.DriverStaffNumber)); // clean precision-pseudonym
        logger.LogInformation("Driver assigned {Assignment}", assignment); // leak TC1001 logging-objects
        logger.LogInformation("Driver assigned to {FleetNumber} on {Date:d}", assignment.FleetNumber, assignment.Date); // clean precision-names
    }

    public async Task ReportDefectAsync(DefectReport report, string driverStaffNumber, string site, CancellationToken cancellationToken)
    {
        _lastDefect = report;
        Activity.Current?.SetTag("fleet.defect_category", report.Category); // clean precision-about
        Activity.Current?.SetTag("fleet.defect_description", report.Description); // clean precision-about
        Activity.Current?.SetTag("fleet.reported_by", driverStaffNumber); // leak TC1001 direct
        logger.LogWarning("Defect {Report}", report); // clean logging-objects
        await fleet.MarkOffRoadAsync(report.FleetNumber, report.Category, cancellationToken);
        try
        {
            throw new VehicleOffRoadException(report.FleetNumber, report.Category);
        }
        catch (VehicleOffRoadException ex)
        {
            logger.LogFleetcareOperationFailedEvent(site, "off-road", fleetcareNote: ex.Message); // clean generated-api
            logger.LogFleetcareOperationFailedEvent(site, "off-road", fleetcareNote: $"reported by {driverStaffNumber}"); // leak TC1001 generated-api
        }
    }

    public void CloseDay(string site)
    {
        foreach (var group in _assignmentsToday.GroupBy(a => a.DriverStaffNumber))
        {
            meter.CreateFleetcareServicesCounter().Add(group.Count(), site, $"driver-{group.Key}"); // leak TC1003 generated-api
        }

        logger.LogInformation("Drivers today: {Drivers}", _assignmentsToday.Select(a => a.DriverStaffNumber).Distinct().ToArray()); // leak TC1001 cross-member
        logger.LogInformation("Drivers today: {Count}", _assignmentsToday.Select(a => a.DriverStaffNumber).Distinct().Count()); // clean cross-member
        logger.LogInformation("Last defect was on {FleetNumber}: {Category}", _lastDefect?.FleetNumber, _lastDefect?.Category); // clean cross-member
        _assignmentsToday.Clear();
    }
}
