using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout42.Support.IotHub;
using PrivacyHoldout42.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout42.Retail;

/// <summary>A device brought back to a store: the customer's claim ends and the device is factory reset for resale.</summary>
public sealed record ReturnedDevice(string Serial, string Model, string StoreId, string ReturnId);

public sealed record DeviceClaim(string Serial, string CustomerId, DateTimeOffset ClaimedAt);

/// <summary>A demonstration unit the store owns and keeps on its shelf.</summary>
public sealed record DemoUnit(string Serial, string Model, string StoreId, string Aisle);

public interface IClaimStore
{
    Task<DeviceClaim?> ActiveClaimAsync(string serial, CancellationToken cancellationToken);

    Task EndClaimAsync(string serial, string reason, CancellationToken cancellationToken);
}

public sealed class ReturnedDeviceReset(
    IClaimStore claims,
    IRegistryManager registry,
    IServiceClient hub,
    Pseudonymizer pseudonymizer,
    ILogger<ReturnedDeviceReset> logger)
{
    public async Task ResetAsync(ReturnedDevice device, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichIotCommand(device.Model).SetIotCommandName("factory_reset"); // clean generated-api
        span.SetIotDeviceRef(pseudonymizer.PseudonymizeIotDeviceRef(device.Serial)); // clean precision-pseudonym
        Activity.Current?.SetTag("return.id", device.ReturnId); // clean precision-names

        var claim = await claims.ActiveClaimAsync(device.Serial, cancellationToken);
        if (claim is not null)
        {
            Activity.Current?.SetTag("return.previous_owner", claim.CustomerId); // leak TC1001 direct
            Activity.Current?.SetTag("return.claim.age_days", (int)(DateTimeOffset.UtcNow - claim.ClaimedAt).TotalDays); // clean precision-about
            await claims.EndClaimAsync(device.Serial, "returned", cancellationToken);
            logger.LogInformation("Unclaimed {Serial} at return desk of store {StoreId}", device.Serial, device.StoreId); // leak TC1001 direct
        }

        try
        {
            await hub.InvokeDeviceMethodAsync(device.Serial, new CloudToDeviceMethod("factory_reset"), cancellationToken);
            await registry.RemoveDeviceAsync(device.Serial, cancellationToken);
        }
        catch (DeviceNotFoundException ex)
        {
            logger.LogWarning(ex, "Returned device was already gone from the hub"); // leak TC1001 exceptions
        }
        catch (ThrottlingException ex)
        {
            span.SetIotNote(ex.Message); // clean exceptions
            throw;
        }
    }

    public async Task RefreshDemoUnitAsync(DemoUnit unit, CancellationToken cancellationToken)
    {
        // Demo units are the store's own: they are reset every night and belong to nobody.
        Activity.Current?.SetTag("demo.unit.serial", unit.Serial); // clean precision-names
        Activity.Current?.SetTag("demo.unit.aisle", unit.Aisle);
        await hub.InvokeDeviceMethodAsync(unit.Serial, new CloudToDeviceMethod("factory_reset"), cancellationToken);
        logger.LogInformation("Demo unit {Serial} in store {StoreId} reset", unit.Serial, unit.StoreId); // clean precision-names
        Activity.Current.EnrichIotCommand(unit.Model).SetIotNote($"demo unit {unit.Serial} reset overnight"); // clean generated-api
    }
}
