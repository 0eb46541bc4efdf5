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
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Healthcare;

public sealed record RefillRequested(string RequestId, string NhsNumber, string PatientPhone, string BranchCode, string[] MedicationCodes, DateOnly DueBy);

public interface IRefillScheduler
{
    Task<bool> ScheduleAsync(RefillRequested request, CancellationToken cancellationToken);
}

public sealed partial class RefillRequestWorker(
    IConsumer<string, RefillRequested> consumer,
    IRefillScheduler scheduler,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<RefillRequestWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Pharmacy.Refills");
    private readonly Counter<long> _consumed = meter.CreateCounter<long>("pharmacy.refill.consumed");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            await HandleAsync(result, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(ConsumeResult<string, RefillRequested> result, CancellationToken cancellationToken)
    {
        var request = result.Message.Value;
        using var activity = Source.StartActivity("pharmacy.refill.process", ActivityKind.Consumer);
        activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
        // The prescribing system keys refill messages by the patient's NHS number, so that one
        // patient's requests stay in order on one partition.
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 cross-member
        activity?.SetTag("pharmacy.refill.request_id", request.RequestId); // clean precision-names
        activity?.SetTag("pharmacy.refill.medications", request.MedicationCodes.Length);

        var patient = pseudonymizer.PseudonymizePharmacyPatientId(request.NhsNumber);
        activity?.SetTag(PharmacyAttributes.PatientId, patient); // clean precision-pseudonym
        logger.LogPharmacyRefillRequestedEvent(patient, pharmacyBranch: request.BranchCode); // clean generated-api

        _consumed.Add(1, new KeyValuePair<string, object?>("pharmacy.branch", request.BranchCode)); // clean precision-names
        _consumed.Add(1, new KeyValuePair<string, object?>("pharmacy.patient", patient.Value)); // leak TC1003 precision-pseudonym

        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.NhsNumber)));
        activity?.SetTag("pharmacy.patient.fingerprint", fingerprint); // leak TC1002 hashes
        var bucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.NhsNumber))[0] % 8;
        activity?.SetTag("pharmacy.refill.shard", bucket); // clean hashes

        var scheduled = await scheduler.ScheduleAsync(request, cancellationToken);
        if (!scheduled)
        {
            RefillNotScheduled(logger, request.RequestId, request.PatientPhone); // leak TC1001 direct
            PatientToCall(logger, request.PatientPhone); // clean logging-objects
            return;
        }
        RefillScheduled(logger, request.RequestId, request.DueBy, patient.Value); // clean precision-pseudonym
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refill {RequestId} could not be scheduled; call the patient on {Phone}")]
    private static partial void RefillNotScheduled(ILogger logger, string requestId, string phone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Patient to call back: {Phone}")]
    private static partial void PatientToCall(ILogger logger, [PrivateData] string phone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refill {RequestId} scheduled for {DueBy} ({Patient})")]
    private static partial void RefillScheduled(ILogger logger, string requestId, DateOnly dueBy, string patient);
}
