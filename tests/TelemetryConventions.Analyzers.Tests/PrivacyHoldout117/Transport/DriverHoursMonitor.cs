namespace PrivacyHoldout117.Transport;

/// <summary>A driver's running hours from the tachograph feed.</summary>
public sealed record DriverHours(string DriverStaffNumber, string DriverName, string VehicleId, TimeSpan DrivenToday, TimeSpan SinceBreak);

/// <summary>Driving beyond the legal limit: the message names the driver.</summary>
public sealed class HoursExceededException(string driver, TimeSpan driven)
    : Exception($"Driver {driver} has driven {driven.TotalHours:F1} h today.");

/// <summary>
/// Watches drivers' hours from the on-board tachographs and warns the control room before a
/// driver must stop. Vehicles are the operator's; drivers' hours are about them.
/// </summary>
public sealed class DriverHoursMonitor(
    ILogger<DriverHoursMonitor> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly Histogram<double> _hours = meter.CreateHistogram<double>("ridefleet.driver.hours", "h");

    public void OnHours(DriverHours hours, string depot)
    {
        using var span = source.StartRidefleetIngest($"fleet/{hours.VehicleId}/tacho"); // clean strings
        span.SetRidefleetDriverId(pseudonymizer.PseudonymizeRidefleetDriverId(hours.DriverStaffNumber)); // clean precision-pseudonym
        _hours.Record(hours.DrivenToday.TotalHours, new KeyValuePair<string, object?>("depot", depot)); // clean precision-about
        _hours.Record(hours.DrivenToday.TotalHours, new KeyValuePair<string, object?>("driver", hours.DriverName)); // leak TC1003 direct
        span.Activity?.SetTag("tacho.since_break_min", hours.SinceBreak.TotalMinutes); // clean precision-about
        span.Activity?.SetTag("tacho.driver", hours.DriverStaffNumber); // leak TC1001 direct
        logger.LogInformation("Hours {Hours}", hours); // leak TC1001 logging-objects

        if (hours.DrivenToday > TimeSpan.FromHours(9))
        {
            try
            {
                throw new HoursExceededException(hours.DriverName, hours.DrivenToday);
            }
            catch (HoursExceededException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                span.SetRidefleetNote(ex.Message); // leak TC1001 generated-api
                logger.LogError(ex, "Hours exceeded on {Vehicle}", hours.VehicleId); // leak TC1001 exceptions
                span.Activity?.SetTag("tacho.driver.sha", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(hours.DriverStaffNumber)))); // leak TC1002 hashes
            }
        }
    }
}
