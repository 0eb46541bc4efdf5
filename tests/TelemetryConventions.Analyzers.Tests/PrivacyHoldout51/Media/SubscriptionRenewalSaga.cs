using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout51.Support.MassTransit;
using PrivacyHoldout51.Support.ServiceBus;
using PrivacyHoldout51.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout51.Media;

public sealed record RenewalDue(Guid CorrelationId, Guid SubscriberId, string SubscriberEmail, string Plan, decimal Amount, string Currency) : CorrelatedBy<Guid>;

public sealed record RenewalPaymentFailed(Guid CorrelationId, string DeclineCode, int Attempt) : CorrelatedBy<Guid>;

public sealed record RenewalPaid(Guid CorrelationId, string PaymentReference) : CorrelatedBy<Guid>;

public sealed class PaymentDeclinedException(string declineCode) : Exception($"Card payment declined: {declineCode}")
{
    public string DeclineCode { get; } = declineCode;
}

/// <summary>
/// One instance per subscription renewal. The correlation id is the subscription's id, which names
/// a subscription, not its subscriber.
/// </summary>
public sealed class SubscriptionRenewalSaga : ISaga, InitiatedBy<RenewalDue>, Orchestrates<RenewalPaymentFailed>, Orchestrates<RenewalPaid>
{
    public Guid CorrelationId { get; set; }

    public Guid SubscriberId { get; set; }

    public string SubscriberEmail { get; set; } = string.Empty;

    public string Plan { get; set; } = string.Empty;

    public int FailedAttempts { get; set; }

    public async Task Consume(ConsumeContext<RenewalDue> context)
    {
        var logger = context.GetServiceOrCreateInstance<ILogger<SubscriptionRenewalSaga>>();
        SubscriberId = context.Message.SubscriberId;
        SubscriberEmail = context.Message.SubscriberEmail;
        Plan = context.Message.Plan;

        Activity.Current?.SetTag("subscription.id", CorrelationId); // clean precision-names
        Activity.Current?.SetTag("subscription.plan", Plan); // clean precision-about
        logger.LogInformation("Renewal {SubscriptionId} of {Plan} due: {Amount} {Currency}", CorrelationId, Plan, context.Message.Amount, context.Message.Currency); // clean precision-about
        logger.LogInformation("Renewal reminder queued for {Email}", SubscriberEmail); // leak TC1001 cross-member

        // The billing service routes by subscriber; a message header is not telemetry.
        await context.Publish(new { CorrelationId, context.Message.Amount, context.Message.Currency }, publish => publish.Headers.Set("x-subscriber-id", SubscriberId.ToString())); // clean direct
    }

    public Task Consume(ConsumeContext<RenewalPaymentFailed> context)
    {
        var logger = context.GetServiceOrCreateInstance<ILogger<SubscriptionRenewalSaga>>();
        FailedAttempts = context.Message.Attempt;
        var declined = new PaymentDeclinedException(context.Message.DeclineCode);
        Activity.Current?.SetStatus(ActivityStatusCode.Error, declined.Message); // clean exceptions
        logger.LogWarning(declined, "Renewal {SubscriptionId} payment attempt {Attempt} failed", CorrelationId, FailedAttempts); // clean exceptions
        if (FailedAttempts >= 3)
        {
            logger.LogWarning("Renewal saga given up {@Renewal}", this); // leak TC1001 logging-objects
            logger.LogWarning("Renewal for subscriber {SubscriberId} lapsed", SubscriberId); // leak TC1001 cross-member
        }

        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<RenewalPaid> context)
    {
        var logger = context.GetServiceOrCreateInstance<ILogger<SubscriptionRenewalSaga>>();
        logger.LogInformation("Renewal {SubscriptionId} paid with {PaymentReference} after {Failures} failures", CorrelationId, context.Message.PaymentReference, FailedAttempts); // clean precision-names
        return Task.CompletedTask;
    }
}

/// <summary>
/// Applies entitlement changes from the <c>entitlements</c> queue. The queue is session-enabled and
/// the publisher sets the session id to the subscriber's id, so one subscriber's changes are applied
/// in order; it lists the names of the household's viewing profiles in the <c>profileNames</c>
/// application property.
/// </summary>
public sealed class EntitlementSessionProcessor(Pseudonymizer pseudonymizer, ILogger<EntitlementSessionProcessor> logger)
{
    private static readonly ActivitySource Source = new("Stream.Entitlements");

    public async Task OnSessionMessageAsync(ProcessSessionMessageEventArgs args)
    {
        var message = args.Message;
        using var span = Source.StartBusHandle(message.Subject ?? "EntitlementChanged", args.EntityPath);
        span.SetBusPartitionKey(args.SessionId); // leak TC1001 generated-api
        span.SetBusSubjectId(pseudonymizer.PseudonymizeBusSubjectId(args.SessionId)); // clean precision-pseudonym
        span.SetBusRetryAttempt(message.DeliveryCount); // clean generated-api
        span.Activity?.SetTag("messaging.message.id", message.MessageId); // clean precision-names
        PlaybackSpans.TagSubscriber(span.Activity, Guid.Parse(args.SessionId)); // leak TC1001 cross-member

        var state = await args.GetSessionStateAsync(args.CancellationToken);
        logger.LogDebug("Session {SessionId} state before change: {State}", args.SessionId, state); // leak TC1001 direct
        logger.LogDebug("Session state is {Bytes} bytes", state?.ToMemory().Length ?? 0); // clean precision-about

        var profiles = message.ApplicationProperties.TryGetValue("profileNames", out var names) ? (string)names : string.Empty;
        logger.LogInformation("Entitlement {Subject} applied to profiles {Profiles}", message.Subject, profiles); // leak TC1001 direct
        logger.LogInformation("Entitlement {Subject} applied to {ProfileCount} profiles", message.Subject, profiles.Split(',', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        await args.SetSessionStateAsync(BinaryData.FromString(DateTimeOffset.UtcNow.ToString("O")), args.CancellationToken);
        await args.CompleteMessageAsync(message, args.CancellationToken);
    }
}
