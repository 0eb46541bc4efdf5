using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout10.Support;
using PrivacyHoldout10.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout10.Healthcare;

public sealed record WearablePairing(Guid DeviceId, string PatientMrn, string PatientEmail, string Model, string FirmwareVersion, string MacAddress, string WardCode);

public interface IPairingStore
{
    WearablePairing? FindByDevice(Guid deviceId);

    IReadOnlyList<WearablePairing> PairedTo(string patientMrn);
}

public sealed class PairingNotFoundException(string message) : Exception(message);

/// <summary>Heart-rate frames published by wrist bands on <c>wearables/{deviceGuid}/hr</c>.</summary>
public sealed class WearableReadingHandler : IMqttMessageHandler
{
    private static readonly ActivitySource Source = new("PrivacyHoldout10.Healthcare.Wearables");
    private static readonly Meter Meter = new("PrivacyHoldout10.Healthcare.Wearables");
    private static readonly Counter<long> Frames = Meter.CreateCounter<long>("wearable.frames");

    private readonly IPairingStore _pairings;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<WearableReadingHandler> _logger;

    public WearableReadingHandler(IPairingStore pairings, Pseudonymizer pseudonymizer, ILogger<WearableReadingHandler> logger)
    {
        _pairings = pairings;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
    }

    public Task HandleAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var segments = message.Topic.Split('/');
        var deviceId = Guid.Parse(segments[1]);
        var pairing = _pairings.FindByDevice(deviceId)
            ?? throw new PairingNotFoundException($"no patient paired to band {deviceId}");

        using var batch = Source.StartDeviceBatch(pairing.Model);
        var patientRef = _pseudonymizer.Pseudonymize("patient", pairing.PatientMrn);
        batch.SetDeviceOwnerId(patientRef); // clean generated-api
        batch.SetDeviceFirmware(pairing.FirmwareVersion); // clean precision-names

        var payload = message.PayloadSegment.AsSpan();
        var sampleCount = BinaryPrimitives.ReadUInt16BigEndian(payload);
        batch.SetDeviceFrameCount(sampleCount); // clean precision-about
        batch.Activity?.SetTag("wearable.ward", pairing.WardCode); // clean precision-names
        batch.Activity?.SetTag("wearable.patient", pairing.PatientMrn); // leak TC1001 direct
        batch.Activity?.SetTag("wearable.patient.ref", patientRef.Value); // clean precision-pseudonym

        if (sampleCount == 0)
        {
            batch.AddDeviceFrameRejectedEvent($"empty frame for {pairing.PatientMrn}"); // leak TC1001 generated-api
            return Task.CompletedTask;
        }

        Frames.Add(1, new KeyValuePair<string, object?>("wearable.model", pairing.Model)); // clean precision-names
        Frames.Add(1, new KeyValuePair<string, object?>("wearable.patient", patientRef.Value)); // leak TC1003 precision-pseudonym
        _logger.LogDebug("Band {Mac} sent {Count} samples", pairing.MacAddress, sampleCount); // clean precision-names
        _logger.LogInformation("Readings stored for {PatientEmail}", pairing.PatientEmail); // leak TC1001 direct
        return Task.CompletedTask;
    }
}

/// <summary>Pairs a band to a patient at the ward desk.</summary>
public sealed class PairingDesk(IPairingStore pairings, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<PairingDesk> logger)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout10.Healthcare.Pairing");

    public void Pair(string patientMrn, Guid deviceId)
    {
        using var activity = Source.StartActivity("wearable.pair");
        var existing = pairings.PairedTo(patientMrn);
        activity?.SetTag("wearable.existing.count", existing.Count); // clean precision-about
        activity?.SetTag("wearable.mrn.length", patientMrn.Length); // clean precision-about
        activity?.SetTag("wearable.patient.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(patientMrn)))); // leak TC1002 hashes

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var shard = hmac.ComputeHash(Encoding.UTF8.GetBytes(patientMrn))[0] % 16;
        activity?.SetTag("wearable.shard", shard); // clean hashes

        if (existing.Any(p => p.DeviceId == deviceId))
        {
            var error = new InvalidOperationException($"band already paired to patient {patientMrn}");
            activity?.AddException(error); // leak TC1001 exceptions
            logger.LogWarning(error, "Pairing refused"); // leak TC1001 exceptions
            return;
        }

        activity?.SetTag("wearable.owner", pseudonymizer.Pseudonymize("patient", patientMrn).Value); // clean precision-pseudonym
        Activity.Current?.SetBaggage("patient.ref", patientMrn); // leak TC1001 direct
    }
}
