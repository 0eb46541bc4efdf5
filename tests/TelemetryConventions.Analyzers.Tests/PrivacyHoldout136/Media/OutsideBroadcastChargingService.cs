namespace PrivacyHoldout136.Media;

public sealed record ObVanCharge(string FleetNumber, string VanRegistration, string DriverCardUid, string DriverStaffNumber, string DepotId, double KwhRequested);

/// <summary>Charges the outside broadcast fleet's electric vans at the depot: the van is the broadcaster's, the RFID card is the driver's own.</summary>
public sealed class OutsideBroadcastChargingService(
    IChargePointGateway gateway,
    ILogger<OutsideBroadcastChargingService> logger,
    ActivitySource activitySource,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly Counter<double> _fleetKwh = meter.CreateCounter<double>("ob.fleet.kwh", "kWh");

    public async Task<bool> StartAsync(ObVanCharge charge, string chargePointId, CancellationToken cancellationToken)
    {
        using var activity = activitySource.StartActivity("ob.charge.start");
        activity?.SetTag("ob.fleet_number", charge.FleetNumber); // clean precision-names
        activity?.SetTag("ob.van_registration", charge.VanRegistration); // clean precision-names
        activity?.SetTag("ob.depot", charge.DepotId); // clean precision-names
        activity?.SetTag("studiogate.staff.id", pseudonymizer.ComputeStudiogateStaffId(charge.DriverStaffNumber)); // clean precision-pseudonym
        _fleetKwh.Add(charge.KwhRequested, new KeyValuePair<string, object?>("van", charge.FleetNumber), new KeyValuePair<string, object?>("depot", charge.DepotId)); // clean precision-names

        try
        {
            var started = await gateway.RemoteStartAsync(chargePointId, 1, charge.DriverCardUid, cancellationToken);
            if (!started)
            {
                throw new IdTagRejectedException(charge.DriverCardUid, "Blocked");
            }

            return true;
        }
        catch (IdTagRejectedException ex)
        {
            logger.LogError(ex, "Remote start refused for van {FleetNumber}", charge.FleetNumber); // leak TC1001 exceptions
            activity?.SetTag("ob.refusal", ex.Status); // clean exceptions
            activity?.SetTag("ob.driver", charge.DriverStaffNumber); // leak TC1001 direct
            return false;
        }
        catch (ChargePointOfflineException ex)
        {
            logger.LogError(ex, "Charge point {ChargePointId} offline", ex.ChargePointId); // clean exceptions
            return false;
        }
    }
}
