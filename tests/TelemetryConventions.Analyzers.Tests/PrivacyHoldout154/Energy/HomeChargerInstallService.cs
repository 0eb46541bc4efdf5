namespace PrivacyHoldout154.Energy;

/// <summary>A home charger sold with a new electric car: survey, install, notify the DNO, commission.</summary>
public sealed class HomeChargerInstallService(
    IChargerPlatform platform,
    ILogger<HomeChargerInstallService> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    public async Task CommissionAsync(HomeChargerInstall install, ChargerModel model, string region, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartEvhomeOperation(region)
            .SetEvhomeHouseholdId(pseudonymizer.PseudonymizeEvhomeHouseholdId(install.AccountNumber)) // clean precision-pseudonym
            .SetEvhomeInstallerId(pseudonymizer.PseudonymizeEvhomeInstallerId(install.InstallerStaffId)); // clean precision-pseudonym
        Activity.Current?.SetTag("evhome.install_id", install.InstallId); // clean precision-names
        Activity.Current?.SetTag("evhome.charger_model", model.Model); // clean precision-about
        Activity.Current?.SetTag("evhome.charger_kw", model.KilowattRating); // clean precision-about
        Activity.Current?.SetTag("evhome.charger_serial", install.ChargerSerial); // leak TC1001 direct
        Activity.Current?.SetTag("evhome.charger_serial_prefix", install.ChargerSerial[..3]); // clean precision-about
        Activity.Current?.SetTag("evhome.mpan_profile", install.Mpan[..2]); // clean precision-about
        Activity.Current?.SetTag("evhome.vin", install.Vin); // leak TC1001 direct
        logger.LogInformation("Commissioning {Install}", install); // leak TC1001 logging-objects
        logger.LogInformation("Commissioning {Model} at {Outward}", model, install.Postcode.Split(' ')[0]); // clean logging-objects
        try
        {
            var notification = await platform.NotifyDnoAsync(install, cancellationToken);
            logger.LogInformation("DNO notified {Notification}", notification); // clean logging-objects
            span.SetEvhomeOutcome(notification.Status); // clean generated-api
        }
        catch (MpanMismatchException ex)
        {
            logger.LogEvhomeOperationFailedEvent(region, "mpan-mismatch", evhomeNote: ex.Message); // leak TC1001 generated-api
            span.SetEvhomeNote($"MPAN mismatch for install {install.InstallId}"); // clean generated-api
            return;
        }
        catch (DnoRejectedException ex)
        {
            logger.LogEvhomeOperationFailedEvent(region, ex.ReasonCode, evhomeNote: ex.Message); // clean generated-api
            return;
        }

        meter.CreateEvhomeInstallsCounter().Add(1, region, "commissioned"); // clean generated-api
        meter.CreateEvhomeInstallDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, region); // clean generated-api
        meter.CreateEvhomeInstallsCounter().Add(1, region, $"commissioned:{install.Postcode}"); // leak TC1003 generated-api
    }
}
