using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout51.Support.Kafka;
using PrivacyHoldout51.Support.Outbox;

namespace PrivacyHoldout51.Education;

public sealed record EnrolmentConfirmed(Guid EnrolmentId, string StudentNumber, string CourseCode, string Term, DateTimeOffset ConfirmedAt);

public sealed record GuardianContactChanged(string StudentNumber, string GuardianEmail, string GuardianMobile, bool PrimaryContact);

public sealed record Enrolment(Guid Id, string StudentNumber, string CourseCode, string Term);

public interface IEnrolmentUnitOfWork
{
    void Add(OutboxMessage message);

    Task CommitAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Writes integration events to the outbox in the enrolment's transaction. <c>lms.enrolments</c> is
/// keyed by course code (one partition per course keeps a class list in order);
/// <c>lms.guardian-contacts</c> is keyed by the student number.
/// </summary>
public sealed class EnrolmentEventWriter(IEnrolmentUnitOfWork unitOfWork, ILogger<EnrolmentEventWriter> logger)
{
    public async Task ConfirmAsync(Enrolment enrolment, CancellationToken cancellationToken)
    {
        var confirmed = new EnrolmentConfirmed(enrolment.Id, enrolment.StudentNumber, enrolment.CourseCode, enrolment.Term, DateTimeOffset.UtcNow);
        var row = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Type = nameof(EnrolmentConfirmed),
            Destination = "lms.enrolments",
            PartitionKey = enrolment.CourseCode,
            Content = JsonSerializer.Serialize(confirmed),
            OccurredAt = confirmed.ConfirmedAt,
        };
        unitOfWork.Add(row);
        await unitOfWork.CommitAsync(cancellationToken);
        logger.LogInformation("Outbox row {OutboxId} for {Type} keyed {PartitionKey}", row.Id, row.Type, row.PartitionKey); // clean precision-names
    }

    public async Task GuardianChangedAsync(GuardianContactChanged change, CancellationToken cancellationToken)
    {
        var row = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Type = nameof(GuardianContactChanged),
            Destination = "lms.guardian-contacts",
            PartitionKey = change.StudentNumber,
            Content = JsonSerializer.Serialize(change),
            OccurredAt = DateTimeOffset.UtcNow,
        };
        unitOfWork.Add(row);
        await unitOfWork.CommitAsync(cancellationToken);
        logger.LogInformation("Outbox row {OutboxId} for {Type}, primary contact {Primary}", row.Id, row.Type, change.PrimaryContact); // clean precision-about
    }
}

/// <summary>Relays the outbox to Kafka: every destination, every type.</summary>
public sealed class OutboxRelay(IOutboxStore store, IProducer<string, string> producer, ILogger<OutboxRelay> logger)
{
    private static readonly ActivitySource Source = new("Lms.Outbox");
    private static readonly Meter Meter = new("Lms.Outbox");
    private static readonly Histogram<double> RelayLag = Meter.CreateHistogram<double>("outbox.relay.lag", "s");

    public async Task RelayBatchAsync(CancellationToken cancellationToken)
    {
        var batch = await store.FetchPendingAsync(100, cancellationToken);
        foreach (var message in batch)
        {
            using var activity = Source.StartActivity("outbox.relay", ActivityKind.Producer);
            activity?.SetTag("outbox.message.id", message.Id); // clean precision-names
            activity?.SetTag("outbox.attempts", message.Attempts); // clean precision-about
            activity?.SetTag("messaging.kafka.message.key", message.PartitionKey); // leak TC1001 cross-member
            try
            {
                var result = await producer.ProduceAsync(message.Destination, new Message<string, string> { Key = message.PartitionKey ?? message.Id.ToString(), Value = message.Content }, cancellationToken);
                activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
                logger.LogDebug("Relayed {Type} to {Topic} with key {Key}", message.Type, result.Topic, result.Key); // leak TC1001 cross-member
                RelayLag.Record((DateTimeOffset.UtcNow - message.OccurredAt).TotalSeconds, new TagList { { "destination", message.Destination }, { "type", message.Type } }); // clean precision-names
                await store.MarkProcessedAsync(message.Id, cancellationToken);
            }
            catch (ProduceException<string, string> ex)
            {
                logger.LogError(ex, "Relay of outbox row {OutboxId} failed: {Code}", message.Id, ex.Error.Code); // clean exceptions
                logger.LogDebug("Undelivered outbox content {Content}", ex.DeliveryResult.Value); // leak TC1001 logging-objects
                await store.MarkFailedAsync(message.Id, ex.Error.Reason, cancellationToken);
            }
            catch (BrokerUnavailableException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                return;
            }
        }
    }
}
