using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout51.Support.Kafka;
using PrivacyHoldout51.Support.ServiceBus;
using PrivacyHoldout51.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout51.Retail;

/// <summary>A change to a customer record; <c>ChangedFields</c> lists the names of the fields that changed.</summary>
public sealed record CustomerChanged(string CustomerNumber, string Email, string Postcode, bool MarketingOptIn, string ChangedFields);

/// <summary>
/// Relays customer changes from the <c>crm.customers</c> compacted topic (keyed by customer number)
/// to the stores' Service Bus topic <c>store-customers</c>, whose subscribers filter by store.
/// </summary>
public sealed class CustomerChangeRelay(IConsumer<string, string> consumer, ServiceBusSender sender, Pseudonymizer pseudonymizer, ILogger<CustomerChangeRelay> logger)
{
    private static readonly ActivitySource Source = new("Shop.CustomerRelay");

    public async Task RelayNextAsync(CancellationToken cancellationToken)
    {
        var record = consumer.Consume(cancellationToken);
        using var span = Source.StartBusHandle(nameof(CustomerChanged), "crm-relay");
        span.SetBusSubjectId(pseudonymizer.PseudonymizeBusSubjectId(record.Message.Key)); // clean precision-pseudonym
        span.Activity?.SetTag(BusAttributes.SubjectContact, pseudonymizer.Compute("crm.customer", record.Message.Key)); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("messaging.kafka.offset", record.Offset); // clean precision-names

        if (record.Message.Value is null)
        {
            // A tombstone: the customer asked to be forgotten.
            logger.LogInformation("Tombstone for {Customer} at offset {Offset}", record.Message.Key, record.Offset); // leak TC1001 direct
            logger.LogInformation("Tombstone at {Topic}/{Partition}@{Offset}", record.Topic, record.Partition, record.Offset); // clean precision-names
            consumer.Commit(record);
            return;
        }

        var change = JsonSerializer.Deserialize<CustomerChanged>(record.Message.Value)!;
        span.SetBusNote($"fields changed: {change.ChangedFields}"); // clean generated-api
        span.Activity?.SetTag("customer.postcode_district", change.Postcode.Split(' ')[0]); // clean precision-about

        // Store subscriptions dedupe on an email fingerprint.
        var emailFingerprint = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(change.Email.Trim().ToLowerInvariant())));
        span.Activity?.SetTag("customer.email_fingerprint", emailFingerprint); // leak TC1002 hashes

        var message = new ServiceBusMessage(BinaryData.FromString(record.Message.Value))
        {
            MessageId = $"{record.Topic}-{record.Partition}-{record.Offset}",
            Subject = nameof(CustomerChanged),
            CorrelationId = Activity.Current?.TraceId.ToString(),
        };
        message.ApplicationProperties["customerNumber"] = change.CustomerNumber;
        await sender.SendMessageAsync(message, cancellationToken);
        logger.LogDebug("Relayed {MessageId} with properties {@Properties}", message.MessageId, message.ApplicationProperties); // leak TC1001 logging-objects
        consumer.Commit(record);
    }
}
