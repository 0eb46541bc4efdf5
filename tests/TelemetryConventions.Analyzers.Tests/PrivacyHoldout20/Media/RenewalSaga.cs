using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MassTransit;
using Microsoft.Extensions.Logging;
using PrivacyHoldout20.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout20.Media;

public sealed record RenewalDue(Guid SubscriptionId, Guid SubscriberId, string Email, string Plan, decimal Amount);

public sealed record PaymentDeclined(Guid SubscriptionId, string DeclineCode, int Attempt);

public sealed record PaymentCaptured(Guid SubscriptionId, string AuthorisationCode);

public sealed record ChargeSubscription(Guid SubscriptionId, Guid SubscriberId, string Email, decimal Amount, string Currency);

public sealed class RenewalState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }

    public string? CurrentState { get; set; }

    public Guid SubscriberId { get; set; }

    public string Email { get; set; } = string.Empty;

    public string Plan { get; set; } = string.Empty;

    public int Attempts { get; set; }
}

/// <summary>Subscription renewal; instances are correlated by the subscription's id.</summary>
public sealed class RenewalStateMachine : MassTransitStateMachine<RenewalState>
{
    public RenewalStateMachine(ActivitySource source, Pseudonymizer pseudonymizer, ILogger<RenewalStateMachine> logger)
    {
        InstanceState(x => x.CurrentState);
        Event(() => Due, x => x.CorrelateById(ctx => ctx.Message.SubscriptionId));
        Event(() => Declined, x => x.CorrelateById(ctx => ctx.Message.SubscriptionId));
        Event(() => Captured, x => x.CorrelateById(ctx => ctx.Message.SubscriptionId));

        Initially(
            When(Due)
                .Then(ctx =>
                {
                    ctx.Saga.SubscriberId = ctx.Message.SubscriberId;
                    ctx.Saga.Email = ctx.Message.Email;
                    ctx.Saga.Plan = ctx.Message.Plan;
                    logger.LogInformation("Renewal {CorrelationId} opened for plan {Plan}", ctx.Saga.CorrelationId, ctx.Message.Plan); // clean precision-names
                    Activity.Current?.SetTag("renewal.subscriber", ctx.Message.SubscriberId); // leak TC1001 direct
                })
                .Publish(ctx => new ChargeSubscription(ctx.Message.SubscriptionId, ctx.Message.SubscriberId, ctx.Message.Email, ctx.Message.Amount, "GBP"))
                .TransitionTo(AwaitingPayment));

        During(
            AwaitingPayment,
            When(Declined)
                .Then(ctx =>
                {
                    ctx.Saga.Attempts++;
                    logger.LogWarning("Payment declined ({Code}), attempt {Attempt}", ctx.Message.DeclineCode, ctx.Saga.Attempts); // clean precision-about
                    logger.LogWarning("Renewal for {Email} declined", ctx.Saga.Email); // leak TC1001 cross-member
                    logger.LogWorkflowCompensatedEvent("charge", workflowStatus: ctx.Message.DeclineCode, workflowPartyId: pseudonymizer.PseudonymizeWorkflowPartyId(ctx.Saga.SubscriberId.ToString())); // clean generated-api
                }),
            When(Captured)
                .Then(ctx =>
                {
                    using var step = source.StartWorkflowStep("SubscriptionRenewal", "captured");
                    step.SetWorkflowInstanceId(ctx.Saga.CorrelationId.ToString()); // clean precision-names
                    step.SetWorkflowPartyId(pseudonymizer.PseudonymizeWorkflowPartyId(ctx.Saga.SubscriberId.ToString())); // clean precision-pseudonym
                    step.SetWorkflowStatus($"captured {ctx.Message.AuthorisationCode}"); // clean precision-names
                    step.SetWorkflowStatus($"renewed {ctx.Saga.Plan} for {ctx.Saga.Email}"); // leak TC1001 generated-api
                })
                .Finalize());

        SetCompletedWhenFinalized();
    }

    public State AwaitingPayment { get; } = new(nameof(AwaitingPayment));

    public Event<RenewalDue> Due { get; } = new(nameof(Due));

    public Event<PaymentDeclined> Declined { get; } = new(nameof(Declined));

    public Event<PaymentCaptured> Captured { get; } = new(nameof(Captured));
}

public interface ICardVault
{
    Task<bool> HasCardAsync(Guid subscriberId);
}

public sealed class ChargeSubscriptionConsumer(ICardVault vault, ILogger<ChargeSubscriptionConsumer> logger) : IConsumer<ChargeSubscription>
{
    public async Task Consume(ConsumeContext<ChargeSubscription> context)
    {
        var charge = context.Message;
        if (!await vault.HasCardAsync(charge.SubscriberId))
        {
            throw new InvalidOperationException($"No card on file for {charge.Email}"); // leak TC1001 exceptions
        }

        logger.LogInformation("Charging {Amount} {Currency} for subscription {SubscriptionId}", charge.Amount, charge.Currency, charge.SubscriptionId); // clean precision-names
    }
}

public sealed class ChargeFaultConsumer(ILogger<ChargeFaultConsumer> logger) : IConsumer<Fault<ChargeSubscription>>
{
    public Task Consume(ConsumeContext<Fault<ChargeSubscription>> context)
    {
        var fault = context.Message;
        logger.LogError("Charge faulted with {Types}", string.Join(",", fault.Exceptions.Select(e => e.ExceptionType))); // clean exceptions
        logger.LogError("Charge faulted: {Messages}", string.Join(" | ", fault.Exceptions.Select(e => e.Message))); // leak TC1001 exceptions
        logger.LogError("Faulted charge {@Charge}", fault.Message); // leak TC1001 logging-objects
        Activity.Current?.SetTag("renewal.amount", fault.Message.Amount);
        Activity.Current?.SetTag("messaging.fault_id", fault.FaultId);
        return Task.CompletedTask;
    }
}
