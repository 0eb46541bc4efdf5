using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using PrivacyHoldout13.Support;
using PrivacyHoldout13.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout13.Healthcare;

/// <summary>An admission as the PAS publishes it on <c>adt.admissions</c>.</summary>
public sealed record AdmissionEvent(
    string Mrn,
    string WardCode,
    string AdmissionType,
    DateTimeOffset AdmittedAt,
    string? AttendingClinicianId,
    string? NextOfKinPhone);

public sealed record AdtConsumerSettings(string Topic, string GroupId, string DeadLetterTopic);

public interface IBedBoard
{
    Task<string?> AssignBedAsync(string wardCode, string mrn, CancellationToken cancellationToken);
}

/// <summary>
/// Reads the ADT admissions topic and feeds the bed board. The topic is keyed by the patient's MRN
/// so that one patient's admit, transfer and discharge events stay in order on one partition.
/// </summary>
public sealed partial class AdmissionsConsumer(
    IConsumer<string, AdmissionEvent> consumer,
    IProducer<byte[], byte[]> deadLetters,
    IBedBoard bedBoard,
    Pseudonymizer pseudonymizer,
    AdtConsumerSettings settings,
    ILogger<AdmissionsConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Hospital.Adt.Consumer");
    private static readonly Meter Meter = new("Hospital.Adt.Consumer");
    private static readonly Counter<long> Admissions = Meter.CreateCounter<long>("adt.admissions", "{admission}");
    private static readonly TextMapPropagator Propagator = Propagators.DefaultTextMapPropagator;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        consumer.Subscribe(settings.Topic);
        while (!stoppingToken.IsCancellationRequested)
        {
            ConsumeResult<string, AdmissionEvent> result;
            try
            {
                result = consumer.Consume(stoppingToken);
            }
            catch (ConsumeException ex) when (ex.Error.Code is ErrorCode.Local_ValueDeserialization or ErrorCode.Local_KeyDeserialization)
            {
                logger.LogWarning(ex, "Could not deserialise the message at {TopicPartitionOffset}", ex.ConsumerRecord.TopicPartitionOffset); // clean exceptions
                await DeadLetterAsync(ex.ConsumerRecord, ex.Error, stoppingToken);
                continue;
            }

            if (result.IsPartitionEOF)
            {
                continue;
            }

            await HandleAsync(result, stoppingToken);
            consumer.StoreOffset(result);
        }
    }

    private async Task HandleAsync(ConsumeResult<string, AdmissionEvent> result, CancellationToken ct)
    {
        var propagated = Propagator.Extract(default, result.Message.Headers, KafkaHeaderPropagation.Getter);
        Baggage.Current = propagated.Baggage;

        using var span = Source.StartPipelineConsume(result.Topic, $"{result.Topic} process", propagated.ActivityContext);
        span.SetPipelineConsumerGroup(settings.GroupId);
        span.SetPipelinePartition(result.Partition.Value);
        span.SetPipelineOffset(result.Offset.Value); // clean precision-about
        span.SetPipelineSubjectId(pseudonymizer.PseudonymizePipelineSubjectId(result.Message.Key)); // clean precision-pseudonym

        var activity = Activity.Current;
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct

        var admission = result.Message.Value;
        AdmissionReceived(logger, admission.Mrn, admission.WardCode, admission.AdmissionType); // clean precision-pseudonym
        logger.LogDebug("Next of kin recorded: {HasNextOfKin}", admission.NextOfKinPhone is not null); // clean precision-about

        if (admission.AdmissionType == "transfer")
        {
            logger.LogInformation("Transfer received: {Admission}", admission); // leak TC1001 logging-objects
        }

        // The bed board's own spans join ours through the baggage.
        Baggage.SetBaggage("adt.patient", admission.Mrn); // leak TC1001 direct
        var bed = await bedBoard.AssignBedAsync(admission.WardCode, admission.Mrn, ct);
        if (bed is null)
        {
            NoBedAvailable(logger, admission.Mrn, admission.WardCode); // leak TC1001 direct
            span.SetPipelineOutcome("no bed available"); // clean generated-api
            Meter.CreatePipelineMessagesCounter().Add(1, result.Topic, settings.GroupId, "no-bed"); // clean generated-api
            return;
        }

        activity?.SetTag("adt.bed", bed); // clean precision-about
        Admissions.Add(1, new("ward", admission.WardCode), new("admission.type", admission.AdmissionType)); // clean precision-about
        Admissions.Add(1, new("ward", admission.WardCode), new("attending", admission.AttendingClinicianId)); // leak TC1003 direct
        Meter.CreatePipelineMessagesCounter().Add(1, result.Topic, settings.GroupId, "admitted");
    }

    private async Task DeadLetterAsync(ConsumeResult<byte[], byte[]> record, Error error, CancellationToken ct)
    {
        var mrn = record.Message.Key is { Length: > 0 } raw ? Encoding.UTF8.GetString(raw) : "<none>";
        var activity = Activity.Current;
        activity?.AddEvent(new ActivityEvent("adt.dead_lettered", tags: new ActivityTagsCollection { ["adt.patient"] = mrn, ["error.code"] = error.Code.ToString() })); // leak TC1001 direct
        activity?.AddPipelineDeadLetteredEvent(record.Topic, error.Code.ToString(), pseudonymizer.PseudonymizePipelineSubjectId(mrn)); // clean precision-pseudonym

        var message = new Message<byte[], byte[]> { Key = record.Message.Key, Value = record.Message.Value, Headers = record.Message.Headers };
        message.Headers.Add("dlq.reason", Encoding.UTF8.GetBytes(error.Reason));
        message.Headers.Add("dlq.source", Encoding.UTF8.GetBytes(record.TopicPartitionOffset.ToString()));
        await deadLetters.ProduceAsync(settings.DeadLetterTopic, message, ct);
        logger.LogInformation("Moved {TopicPartitionOffset} to {DeadLetterTopic}", record.TopicPartitionOffset, settings.DeadLetterTopic); // clean precision-about
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Admission of {Mrn} to {WardCode} ({AdmissionType}) received")]
    private static partial void AdmissionReceived(ILogger logger, [PersonalData] string mrn, string wardCode, string admissionType);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "No bed for patient {Mrn} on ward {WardCode}")]
    private static partial void NoBedAvailable(ILogger logger, string mrn, string wardCode);
}
