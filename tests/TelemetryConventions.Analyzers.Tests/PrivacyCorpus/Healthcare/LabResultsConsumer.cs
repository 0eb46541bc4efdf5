using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyCorpus.Telemetry;
using TelemetryConventions;

namespace PrivacyCorpus.Healthcare;

public sealed record LabResult(string Mrn, string TestCode, double Value, string Unit, string OrderingWard);

public sealed record LabPatient(string Mrn, string FamilyName, string Ward);

public static class PatientHashing
{
    // Home-made "anonymisation" kept from an older service.
    public static string HashMrn(string mrn)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(mrn));
        return Convert.ToHexString(bytes);
    }
}

/// <summary>Consumes lab results from the lab system's topic and files them into charts.</summary>
public sealed class LabResultsConsumer(
    IConsumer<string, LabResult> consumer,
    ILogger<LabResultsConsumer> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("Clinic.Lab");
    private static readonly Meter Meter = new("Clinic.Lab");
    private static readonly Counter<long> ResultsFiled = Meter.CreateCounter<long>("clinic.lab.results_filed");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            Handle(result);
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    private void Handle(ConsumeResult<string, LabResult> result)
    {
        var lab = result.Message.Value;
        var mrn = result.Message.Key; // the lab system keys its messages by medical record number
        using var activity = Source.StartActivity("lab.result.file", ActivityKind.Consumer);
        activity?.SetTag("messaging.destination.name", result.Topic); // clean direct
        activity?.SetTag("messaging.kafka.message.key", mrn); // leak TC1001 direct
        activity?.SetTag("patient.id.hashed", PatientHashing.HashMrn(lab.Mrn)); // leak TC1002 hashes
        activity?.SetTag("clinic.patient.bucket", StringComparer.Ordinal.GetHashCode(lab.Mrn)); // leak TC1002 hashes
        activity?.SetTag("clinic.patient.ref", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(lab.Mrn)))); // clean hashes
        activity?.SetTag("clinic.lab.payload_sha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(lab.TestCode + lab.Value)))); // clean hashes

        using (logger.BeginScope(new Dictionary<string, object?> { ["Mrn"] = lab.Mrn, ["Topic"] = result.Topic })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Filing lab result {@Result}", lab); // leak TC1001 logging-objects
            logger.LogInformation("Filing {TestCode} result in {Unit} for ward {Ward}", lab.TestCode, lab.Unit, lab.OrderingWard); // clean logging-objects
        }

        using (logger.BeginScope(new List<KeyValuePair<string, object>> { new("KafkaPartition", result.Partition), new("KafkaOffset", result.Offset) })) // clean logging-objects
        {
            ResultsFiled.Add(1, new KeyValuePair<string, object?>("clinic.lab.test_code", lab.TestCode)); // clean direct
        }

        var patient = new LabPatient(lab.Mrn, "unknown", lab.OrderingWard);
        logger.LogDebug("Resolved patient {Patient}", patient); // leak TC1001 logging-objects
        ClinicLog.ResultFiled(logger, lab.TestCode, pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, lab.Mrn)); // clean precision-pseudonym
        ClinicLog.ResultRejected(logger, lab.Mrn, "unit mismatch"); // leak TC1001 logging-objects
    }
}

internal static partial class ClinicLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Filed lab result {TestCode} for patient {Patient}")]
    public static partial void ResultFiled(ILogger logger, string testCode, Pseudonym patient);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Rejected lab result for {Mrn}: {Reason}")]
    public static partial void ResultRejected(ILogger logger, string mrn, string reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Reminder sent to {PatientEmail}")]
    public static partial void ReminderSent(ILogger logger, [PrivateData] string patientEmail);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Reminder sent to {Recipient}")]
    public static partial void ReminderSentTo(ILogger logger, ReminderRecipient recipient);
}

public sealed record ReminderRecipient([property: PrivateData] string Email, string Channel);

public sealed class ReminderWorker(ILogger<ReminderWorker> logger)
{
    private static readonly Action<ILogger, string, Exception?> ReminderQueued =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(3110, "ReminderQueued"), "Queued reminder for {PatientPhone}");

    public void Send(string patientEmail, string patientPhone, string channel)
    {
        ClinicLog.ReminderSent(logger, patientEmail); // clean logging-objects
        ClinicLog.ReminderSentTo(logger, new ReminderRecipient(patientEmail, channel)); // leak TC1001 logging-objects
        ReminderQueued(logger, patientPhone, null); // leak TC1001 direct
        logger.LogInformation("Reminder channel {Channel}, phone number length {PhoneLength}", channel, patientPhone.Length); // clean precision-about
    }
}
