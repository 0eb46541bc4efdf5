namespace PrivacyHoldout163.Energy;

/// <summary>An energy supplier's chargers used by driving schools' electric cars, and instructors' home chargers on its tariff.</summary>
public sealed class EvLessonChargingService(Pseudonymizer pseudonymizer, ILogger<EvLessonChargingService> logger)
{
    private static readonly ActivitySource Source = new("Driving.Fleet.Charging");
    private static readonly Histogram<double> Energy = new Meter("Driving.Fleet.Charging").CreateHistogram<double>("fleetlic.charge.kwh");

    public void Completed(ChargeSession session, string schoolId, string instructorHomeChargerSerial)
    {
        using var activity = Source.StartActivity("charge.completed");
        activity?.SetTag("fleetlic.charge.session", session.SessionId); // clean precision-names
        activity?.SetTag("fleetlic.charge.charger", session.ChargerId); // clean precision-names
        activity?.SetTag("fleetlic.charge.school", schoolId); // clean precision-about
        activity?.SetTag("fleetlic.charge.account", session.AccountNumber); // leak TC1001 direct
        activity?.SetTag("fleetlic.home_charger", instructorHomeChargerSerial); // leak TC1001 direct
        activity?.SetTag("fleetlic.home_charger.model", instructorHomeChargerSerial[..3]); // clean precision-about
        Energy.Record(session.Kwh, new KeyValuePair<string, object?>("school", schoolId)); // clean precision-about
        Energy.Record(session.Kwh, new KeyValuePair<string, object?>("home_charger", instructorHomeChargerSerial)); // leak TC1003 direct
        logger.LogInformation("Charge {Session}", session); // leak TC1001 logging-objects
        logger.LogInformation("Charge {SessionId}: {Kwh} kWh at {Charger}", session.SessionId, session.Kwh, session.ChargerId); // clean precision-names
        logger.LogInformation("Account {Account}", pseudonymizer.Pseudonymize("energy.account", session.AccountNumber)); // clean precision-pseudonym
    }
}
