namespace PrivacyHoldout217.Transport;

public sealed record DriverShift(string ShiftId, string DriverId, string DriverName, string DriverLicence, string VehicleReg, string Depot);

/// <summary>Pulls the minibus drivers' rota from the operator's rota system.</summary>
public sealed class DriverRotaClient(ActivitySource source, ILogger<DriverRotaClient> logger)
{
    private readonly Dictionary<string, string> _driverByShift = new();

    public void Load(IEnumerable<DriverShift> shifts)
    {
        using var activity = source.StartActivity("driver.rota.load");
        foreach (var shift in shifts)
        {
            _driverByShift[shift.ShiftId] = shift.DriverName;
            activity?.AddEvent(new ActivityEvent("shift", tags: new ActivityTagsCollection { ["shift.id"] = shift.ShiftId, ["depot"] = shift.Depot })); // clean precision-names
            activity?.AddEvent(new ActivityEvent("driver", tags: new ActivityTagsCollection { ["driver.licence"] = shift.DriverLicence })); // leak TC1001 direct
            activity?.SetTag("vehicle.reg", shift.VehicleReg); // clean precision-names
            logger.LogDebug("Driver shift {@Shift}", shift); // leak TC1001 logging-objects
        }
    }

    public void Dispatch(string shiftId)
    {
        Activity.Current?.SetTag("dispatch.driver", _driverByShift[shiftId]); // leak TC1001 cross-member
        Activity.Current?.SetTag("dispatch.shift", shiftId); // clean precision-names
    }
}
