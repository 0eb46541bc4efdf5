using System;
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
using TelemetryConventions;

namespace PrivacyHoldout42.Healthcare;

/// <summary>A reading as the companion app uploads it after the cuff synced over Bluetooth.</summary>
public sealed record CuffReading(
    string DeviceSerial,
    string NhsNumber,
    int Systolic,
    int Diastolic,
    int Pulse,
    bool IrregularHeartbeat,
    string Firmware,
    DateTimeOffset TakenAt);

/// <summary>A member of the patient's household or family who receives alerts.</summary>
public sealed record Caregiver(string Email, string Relationship, bool AlertsEnabled);

public interface ICareCircle
{
    Task<IReadOnlyList<Caregiver>> CaregiversOfAsync(string nhsNumber, CancellationToken cancellationToken);
}

public interface IAlertSender
{
    Task SendAsync(string email, string subject, string body, CancellationToken cancellationToken);
}

public static partial class ReadingLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Reading from {DeviceSerial} stored for {NhsNumber}")]
    public static partial void ReadingStored(ILogger logger, [PrivateData] string deviceSerial, [PrivateData] string nhsNumber);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Reading from {DeviceSerial} arrived {Minutes:0} minutes late")]
    public static partial void ReadingLate(ILogger logger, string deviceSerial, double minutes);
}

public sealed class ReadingIngestWorker(
    IQueueReceiver<CuffReading> queue,
    ICareCircle careCircle,
    IAlertSender alerts,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    ILogger<ReadingIngestWorker> logger) : BackgroundService
{
    private readonly Counter<long> _readings = meter.CreateCounter<long>("rpm.readings", "{reading}");
    private readonly Histogram<double> _lateness = meter.CreateHistogram<double>("rpm.reading.lateness", "min");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var reading = await queue.ReceiveAsync(stoppingToken);
            if (reading is null)
            {
                continue;
            }

            using var activity = source.StartActivity("rpm.reading.ingest", ActivityKind.Consumer);
            logger.LogDebug("Reading received {@Reading}", reading); // leak TC1001 logging-objects
            activity?.SetTag("rpm.reading.systolic", reading.Systolic); // clean precision-about
            activity?.SetTag("rpm.reading.irregular", reading.IrregularHeartbeat); // clean precision-about
            activity?.SetTag("rpm.patient.ref", pseudonymizer.Compute("rpm.patient", reading.NhsNumber)); // clean precision-pseudonym

            // Readings of one cuff go to one writer lane so they stay in order.
            var lane = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(reading.DeviceSerial))) % 8;
            activity?.SetTag("rpm.ingest.lane", lane); // leak TC1002 hashes
            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(reading.NhsNumber))[0] % 16;
            activity?.SetTag("rpm.store.shard", shard); // clean hashes

            _readings.Add(1, new KeyValuePair<string, object?>("rpm.monitor.firmware", reading.Firmware)); // clean precision-about

            var minutesLate = (clock.GetUtcNow() - reading.TakenAt).TotalMinutes;
            if (minutesLate > 30)
            {
                ReadingLog.ReadingLate(logger, reading.DeviceSerial, minutesLate); // leak TC1001 cross-member
                _lateness.Record(minutesLate, new KeyValuePair<string, object?>("rpm.monitor.serial", reading.DeviceSerial)); // leak TC1003 direct
            }

            ReadingLog.ReadingStored(logger, reading.DeviceSerial, reading.NhsNumber); // clean precision-pseudonym

            if (reading.Systolic >= 180 || reading.Diastolic >= 120)
            {
                activity?.AddEvent(new ActivityEvent("rpm.reading.critical", tags: new ActivityTagsCollection { ["patient.nhs_number"] = reading.NhsNumber })); // leak TC1001 direct
                var caregivers = (await careCircle.CaregiversOfAsync(reading.NhsNumber, stoppingToken)).Where(c => c.AlertsEnabled).ToList();
                activity?.SetTag("rpm.alert.recipients", caregivers.Count); // clean precision-about
                foreach (var caregiver in caregivers)
                {
                    await alerts.SendAsync(caregiver.Email, "Blood pressure alert", $"A reading of {reading.Systolic}/{reading.Diastolic} was taken at {reading.TakenAt:t}.", stoppingToken);
                    logger.LogInformation("Critical reading alert sent to {CaregiverEmail} ({Relationship})", caregiver.Email, caregiver.Relationship); // leak TC1001 direct
                    activity?.AddEvent(new ActivityEvent("rpm.alert.sent", tags: new ActivityTagsCollection { ["rpm.caregiver.relationship"] = caregiver.Relationship })); // clean precision-names
                }
            }
        }
    }
}
