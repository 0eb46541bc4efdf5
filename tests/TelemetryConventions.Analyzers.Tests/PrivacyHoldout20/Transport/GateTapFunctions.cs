using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PrivacyHoldout20.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout20.Transport;

public sealed record GateTap(string CardNumber, string StationCode, string GateId, DateTimeOffset At, bool Entry);

public sealed class FareException(string code, string cardNumber) : Exception($"Fare rejected ({code}) for card {cardNumber}")
{
    public string Code { get; } = code;
}

public interface IFareEngine
{
    Task<decimal> ChargeAsync(GateTap tap, CancellationToken cancellationToken);
}

/// <summary>
/// Taps from the gates arrive on a session-enabled queue; the gateway sets the session id to the
/// card number so that one card's taps are charged in order, and copies it into the <c>card</c>
/// application property.
/// </summary>
public sealed class GateTapFunctions(IFareEngine fares, ActivitySource source, Pseudonymizer pseudonymizer, ILogger<GateTapFunctions> logger)
{
    [Function("GateTaps")]
    public async Task Run(
        [ServiceBusTrigger("gate-taps", Connection = "Bus", IsSessionsEnabled = true, AutoCompleteMessages = false)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        FunctionContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("messaging.servicebus.session_id", message.SessionId); // leak TC1001 cross-member
        activity?.SetTag("messaging.servicebus.sequence_number", message.SequenceNumber); // clean precision-names
        activity?.SetTag("messaging.message.subject", message.Subject);

        var tap = message.Body.ToObjectFromJson<GateTap>()!;
        logger.LogInformation("Tap at {Station} gate {Gate}, entry {Entry}", tap.StationCode, tap.GateId, tap.Entry); // clean precision-names
        logger.LogInformation("Card ending {Last4} tapped", tap.CardNumber[^4..]); // clean precision-about

        try
        {
            var fare = await fares.ChargeAsync(tap, context.CancellationToken);
            activity?.SetTag("fare.amount", fare); // clean precision-about
            await actions.CompleteMessageAsync(message);
        }
        catch (FareException ex)
        {
            await actions.DeadLetterMessageAsync(message, deadLetterReason: ex.Code, deadLetterErrorDescription: ex.Message);
            activity?.AddEvent(new ActivityEvent("fare.rejected", tags: new ActivityTagsCollection { ["fare.code"] = ex.Code })); // clean exceptions
            logger.LogServerlessMessageDeadLetteredEvent("GateTaps", serverlessOutcome: ex.Message, serverlessDeliveryCount: message.DeliveryCount); // leak TC1001 generated-api
        }
    }

    [Function("GateTapDeadLetters")]
    public async Task DeadLetters(
        [ServiceBusTrigger("gate-taps/$deadletterqueue", Connection = "Bus", AutoCompleteMessages = false)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions)
    {
        using var span = source.StartServerlessInvocation("GateTapDeadLetters", "service_bus");
        span.SetServerlessOutcome(message.DeadLetterReason ?? "unknown"); // clean precision-names
        span.AddServerlessMessageDeadLetteredEvent("GateTaps", serverlessOutcome: message.DeadLetterErrorDescription); // leak TC1001 generated-api
        span.SetServerlessDeliveryCount(message.DeliveryCount); // clean precision-about

        if (message.ApplicationProperties.TryGetValue("card", out var card) && card is string cardText)
        {
            span.SetServerlessSubjectId(Pseudonym.FromComputed(cardText)); // leak TC1001 precision-pseudonym
        }

        if (message.SessionId is { } session)
        {
            span.Activity?.SetTag("transit.card.ref", pseudonymizer.ComputeServerlessSubjectId(session)); // clean precision-pseudonym
        }

        await actions.CompleteMessageAsync(message);
    }
}
