namespace PrivacyHoldout114.Media;

public sealed record SubscriptionEvent(Guid SubscriberId, string Email, string Plan, string Country, string EventKind, Guid? ProfileId, string? ProfileName);

public sealed class PaymentDeclinedException(Guid subscriberId, string plan)
    : Exception($"Payment declined for subscriber {subscriberId} on plan {plan}");

/// <summary>Subscription lifecycle events from billing on a Service Bus topic, and the dead-letter sweeper.</summary>
public sealed class SubscriptionEventFunctions(ILogger<SubscriptionEventFunctions> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Streaming.Subscriptions.Functions");
    private static readonly Meter Meter = new("Streaming.Subscriptions.Functions");
    private static readonly Counter<long> Lifecycle = Meter.CreateCounter<long>("encodefn.subscription.events");

    [Function("SubscriptionChanged")]
    public async Task SubscriptionChanged(
        [ServiceBusTrigger("subscription-events", Connection = "BillingBus", AutoCompleteMessages = false)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        FunctionContext context)
    {
        using var span = Source.StartEncodefnInvoke("SubscriptionChanged", "servicebus");
        var change = message.Body.ToObjectFromJson<SubscriptionEvent>()!;
        span.SetEncodefnSubscriberId(pseudonymizer.PseudonymizeEncodefnSubscriberId(change.SubscriberId.ToString())).SetEncodefnOutcome(change.EventKind); // clean generated-api
        span.Activity?.SetTag("messaging.message.correlation_id", message.CorrelationId); // clean precision-names
        span.Activity?.SetTag("messaging.message.subject", message.Subject); // clean precision-names
        Lifecycle.Add(1, new KeyValuePair<string, object?>("plan", change.Plan), new KeyValuePair<string, object?>("kind", change.EventKind)); // clean precision-about
        logger.LogInformation("Subscription {Kind} on {Plan} in {Country}", change.EventKind, change.Plan, change.Country); // clean precision-about
        logger.LogInformation("Subscription event {@Event}", change); // leak TC1001 logging-objects
        if (change.ProfileId is { } profileId)
        {
            logger.LogInformation("Profile {ProfileName} ({ProfileId}) added", change.ProfileName, profileId); // leak TC1001 direct
        }
        try
        {
            if (change.EventKind == "renewal-failed")
            {
                throw new PaymentDeclinedException(change.SubscriberId, change.Plan);
            }
            await actions.CompleteMessageAsync(message);
        }
        catch (PaymentDeclinedException ex)
        {
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            span.SetEncodefnNote(ex.GetType().Name); // clean exceptions
            await actions.DeadLetterMessageAsync(message, deadLetterReason: "PaymentDeclined", deadLetterErrorDescription: ex.Message);
        }
        span.SetEncodefnNote($"subscriber {change.Email}"); // leak TC1001 generated-api
        span.Activity?.SetTag(EncodefnAttributes.SubscriberContact, pseudonymizer.ComputeEncodefnSubscriberId(change.Email)); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("subscriber.email_domain", change.Email[(change.Email.IndexOf('@') + 1)..]); // clean precision-about
    }

    [Function("SweepSubscriptionDeadLetters")]
    public void SweepDeadLetters(
        [ServiceBusTrigger("subscription-events/$deadletterqueue", Connection = "BillingBus")] ServiceBusReceivedMessage message,
        FunctionContext context)
    {
        var log = context.GetLogger("SweepSubscriptionDeadLetters");
        log.LogWarning("Dead letter {MessageId} from {Source}: {Reason}", message.MessageId, message.DeadLetterSource, message.DeadLetterReason); // clean precision-names
        log.LogWarning("Dead letter detail: {Description}", message.DeadLetterErrorDescription); // leak TC1001 cross-member
        log.LogWarning("Dead letter body {Body}", message.Body.ToString()); // leak TC1001 cross-member
        var change = message.Body.ToObjectFromJson<SubscriptionEvent>()!;
        var sampled = HMACSHA256.HashData(secrets.ShardKey, change.SubscriberId.ToByteArray())[0] < 26;
        Activity.Current?.SetTag("encodefn.deadletter.sampled", sampled); // clean hashes
        Activity.Current?.SetTag("encodefn.subscriber.sha1", Convert.ToHexString(SHA1.HashData(change.SubscriberId.ToByteArray()))); // leak TC1002 hashes
        log.LogEncodefnFunctionFailedEvent("SweepSubscriptionDeadLetters", "parked", pseudonymizer.PseudonymizeEncodefnSubscriberId(change.SubscriberId.ToString()), message.DeadLetterReason); // clean generated-api
    }
}
