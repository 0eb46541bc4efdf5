using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using MassTransit;
using Microsoft.Extensions.Logging;
using PrivacyHoldout20.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout20.Transport;

public sealed record TappedIn(string CardNumber, string StationCode, DateTimeOffset At);

public sealed record TappedOut(string CardNumber, string StationCode, DateTimeOffset At);

public sealed record JourneyTimedOut(Guid JourneyId);

public sealed class JourneyState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }

    public string? CurrentState { get; set; }

    public string CardNumber { get; set; } = string.Empty;

    public string EntryStation { get; set; } = string.Empty;

    public DateTimeOffset EntryAt { get; set; }
}

/// <summary>
/// One journey per card and day: the correlation id is derived from the card number and the date,
/// so the tap-out finds the tap-in without a lookup.
/// </summary>
public sealed class JourneyStateMachine : MassTransitStateMachine<JourneyState>
{
    public static Guid JourneyIdFor(string cardNumber, DateTimeOffset at) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"{cardNumber}:{at.UtcDateTime:yyyyMMdd}")));

    public JourneyStateMachine(ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<JourneyStateMachine> logger)
    {
        InstanceState(x => x.CurrentState);
        Event(() => In, x => x.CorrelateById(ctx => JourneyIdFor(ctx.Message.CardNumber, ctx.Message.At)));
        Event(() => Out, x => x.CorrelateById(ctx => JourneyIdFor(ctx.Message.CardNumber, ctx.Message.At)));
        Event(() => TimedOut, x => x.CorrelateById(ctx => ctx.Message.JourneyId));

        Initially(
            When(In)
                .Then(ctx =>
                {
                    ctx.Saga.CardNumber = ctx.Message.CardNumber;
                    ctx.Saga.EntryStation = ctx.Message.StationCode;
                    ctx.Saga.EntryAt = ctx.Message.At;
                    logger.LogInformation("Journey {JourneyId} opened at {Station}", ctx.Saga.CorrelationId, ctx.Message.StationCode); // leak TC1002 hashes
                    Activity.Current?.SetTag("journey.station.entry", ctx.Message.StationCode); // clean precision-names
                    Activity.Current?.SetTag("messaging.message.id", ctx.MessageId); // clean precision-names
                })
                .TransitionTo(InTransit));

        During(
            InTransit,
            When(Out)
                .Then(ctx =>
                {
                    var minutes = (ctx.Message.At - ctx.Saga.EntryAt).TotalMinutes;
                    logger.LogInformation("Journey {Entry} to {Exit} took {Minutes} minutes", ctx.Saga.EntryStation, ctx.Message.StationCode, minutes); // clean precision-about

                    using var step = source.StartWorkflowStep("Journey", "TappedOut");
                    step.SetWorkflowPartyId(pseudonymizer.PseudonymizeWorkflowPartyId(ctx.Saga.CardNumber)); // clean precision-pseudonym
                    step.SetWorkflowInstanceId(ctx.Saga.CorrelationId.ToString()); // leak TC1002 hashes
                    meter.CreateWorkflowDurationHistogram().Record(minutes * 60, "Journey", workflowStatus: "completed", workflowInstanceId: ctx.Saga.CardNumber); // leak TC1003 generated-api
                })
                .Finalize(),
            When(TimedOut)
                .Then(ctx =>
                {
                    logger.LogWarning("Incomplete journey {@Journey}", ctx.Saga); // leak TC1001 logging-objects
                    logger.LogWarning("Incomplete journey from {Station}, open {Hours} hours", ctx.Saga.EntryStation, (DateTimeOffset.UtcNow - ctx.Saga.EntryAt).TotalHours); // clean precision-about
                })
                .TransitionTo(Incomplete));

        SetCompletedWhenFinalized();
    }

    public State InTransit { get; } = new(nameof(InTransit));

    public State Incomplete { get; } = new(nameof(Incomplete));

    public Event<TappedIn> In { get; } = new(nameof(In));

    public Event<TappedOut> Out { get; } = new(nameof(Out));

    public Event<JourneyTimedOut> TimedOut { get; } = new(nameof(JourneyTimedOut));
}
