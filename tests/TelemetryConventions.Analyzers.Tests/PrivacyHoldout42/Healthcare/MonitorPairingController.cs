using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout42.Support.DeviceAuth;
using PrivacyHoldout42.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout42.Healthcare;

/// <summary>What the companion app posts when a patient scans the QR label of a home blood-pressure cuff.</summary>
public sealed record ClaimMonitorRequest(string SerialNumber, string ClaimCode, string Model, BlePeripheral? Peripheral);

public sealed record MonitorClaim(Guid ClaimId, string NhsNumber, string SerialNumber, string Model, DateTimeOffset ClaimedAt);

public interface IMonitorRegistry
{
    Task<bool> VerifyClaimCodeAsync(string serialNumber, string claimCode, CancellationToken cancellationToken);

    Task<MonitorClaim?> FindClaimAsync(string serialNumber, CancellationToken cancellationToken);

    Task<MonitorClaim> ClaimAsync(string nhsNumber, ClaimMonitorRequest request, CancellationToken cancellationToken);

    Task ReleaseAsync(Guid claimId, CancellationToken cancellationToken);
}

public sealed class MonitorAlreadyClaimedException(string serialNumber)
    : Exception($"Monitor {serialNumber} is already claimed by another patient");

[ApiController]
[Route("patients/{nhsNumber}/monitors")]
public sealed class MonitorPairingController(
    IMonitorRegistry registry,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<MonitorPairingController> logger) : ControllerBase
{
    private readonly Counter<long> _claims = meter.CreateCounter<long>("rpm.monitor.claims", "{claim}");

    [HttpPost("claim")]
    public async Task<ActionResult> Claim(string nhsNumber, [FromBody] ClaimMonitorRequest request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("rpm.monitor.model", request.Model); // clean precision-about
        activity?.SetTag("rpm.monitor.serial", request.SerialNumber); // leak TC1001 direct
        activity?.SetTag("rpm.claim_code.length", request.ClaimCode.Length); // clean precision-about

        if (!await registry.VerifyClaimCodeAsync(request.SerialNumber, request.ClaimCode, cancellationToken))
        {
            logger.LogWarning("Claim code rejected for monitor {MonitorSerial}", request.SerialNumber); // leak TC1001 direct
            _claims.Add(1, new KeyValuePair<string, object?>("rpm.outcome", "bad_code"), new KeyValuePair<string, object?>("rpm.monitor.model", request.Model)); // clean precision-about
            return BadRequest("The claim code does not match this monitor.");
        }

        var existing = await registry.FindClaimAsync(request.SerialNumber, cancellationToken);
        if (existing is not null && existing.NhsNumber != nhsNumber)
        {
            throw new MonitorAlreadyClaimedException(request.SerialNumber); // leak TC1001 exceptions
        }

        var claim = existing ?? await registry.ClaimAsync(nhsNumber, request, cancellationToken);
        activity?.SetTag("rpm.claim.id", claim.ClaimId); // clean precision-names
        activity?.SetTag(IotAttributes.DeviceRef, pseudonymizer.ComputeIotDeviceRef(claim.SerialNumber)); // clean precision-pseudonym
        logger.LogInformation("Monitor claimed {@Claim}", claim); // leak TC1001 logging-objects

        if (request.Peripheral is { } peripheral)
        {
            // The app read these while pairing over Bluetooth; support asked for them on the span.
            activity?.SetTag("rpm.ble.address", peripheral.Address); // leak TC1001 direct
            activity?.SetTag("rpm.ble.rssi", peripheral.Rssi); // clean precision-about
            activity?.SetTag("rpm.ble.service_uuid", peripheral.ServiceUuid); // clean precision-names
        }

        _claims.Add(1, new KeyValuePair<string, object?>("rpm.outcome", existing is null ? "claimed" : "reclaimed"), new KeyValuePair<string, object?>("rpm.monitor.model", request.Model));
        return Ok(new { claim.ClaimId });
    }

    [HttpPost("{claimId:guid}/release")]
    public async Task<ActionResult> Release(string nhsNumber, Guid claimId, CancellationToken cancellationToken)
    {
        await registry.ReleaseAsync(claimId, cancellationToken);
        Activity.Current?.SetTag("rpm.patient.ref", pseudonymizer.Compute("rpm.patient", nhsNumber)); // clean precision-pseudonym
        logger.LogInformation("Monitor claim {ClaimId} released by patient {NhsNumber}", claimId, nhsNumber); // leak TC1001 direct
        return Ok();
    }
}
