namespace PrivacyHoldout190.Energy;

/// <summary>Links thermostats to supply accounts.</summary>
public sealed class ThermostatAccountRepository(IHouseholdStore households, IDeviceRegistry devices, ILogger<ThermostatAccountRepository> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Energy.ThermostatAccounts");

    public async Task<SmartDevice?> ClaimAsync(string accountNumber, string thermostatSerial, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("heat.claim");
        activity?.SetTag("heat.account", pseudonymizer.ComputeHeatshiftClientId(accountNumber)); // clean precision-pseudonym
        try
        {
            var device = await devices.FindBySerialAsync(thermostatSerial, cancellationToken);
            if (device is not null && device.HouseholdId != accountNumber)
            {
                throw new DeviceClaimConflictException(thermostatSerial);
            }

            var household = await households.FindAsync(accountNumber, cancellationToken) ?? throw new HouseholdNotFoundException(accountNumber);
            activity?.SetTag("heat.household.region", household.Region); // clean precision-about
            activity?.SetTag("heat.device.firmware", device?.FirmwareVersion); // clean precision-names
            activity?.SetTag("heat.device.id", device?.DeviceId); // leak TC1001 direct
            logger.LogInformation("Claimed {Device}", device); // leak TC1001 logging-objects
            logger.LogInformation("Claimed {Model}", new DeviceModelInfo(device?.Model ?? "?", device?.FirmwareVersion ?? "?", "thermostat", 3)); // clean logging-objects
            return device;
        }
        catch (DeviceClaimConflictException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "claimed by another household"); // clean exceptions
            throw;
        }
        catch (HouseholdNotFoundException ex)
        {
            activity?.AddEvent(new ActivityEvent("heat.claim.failed", tags: new ActivityTagsCollection { ["reason"] = ex.Message })); // leak TC1001 exceptions
            activity?.AddEvent(new ActivityEvent("heat.claim.failed", tags: new ActivityTagsCollection { ["reason"] = nameof(HouseholdNotFoundException) })); // clean exceptions
            return null;
        }
        catch (FirmwareRolloutException ex)
        {
            logger.LogError(ex, "Claim blocked by rollout: {Message}", ex.Message); // clean exceptions
            activity?.AddException(ex); // clean exceptions
            return null;
        }
    }
}
