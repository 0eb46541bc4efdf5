using System.Text.Json;
using Azure.Messaging.ServiceBus;

namespace PrivacyHoldout68.Transport;

public sealed record FareDispute(string DisputeId, string CardNumber, string RiderEmail, string JourneyId, string Reason, string RiderStatement);

/// <summary>
/// Handles fare disputes from the "fare-disputes" queue. The customer-service app sends every dispute
/// about one card in a session whose id is the dispute's case number ("case-{disputeId}"); the card
/// number travels as the "card" application property.
/// </summary>
public sealed partial class DisputeSessions
{
    private static readonly ActivitySource Source = new("Transit.Disputes");
    private readonly ServiceBusSessionProcessor _processor;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<DisputeSessions> _logger;

    public DisputeSessions(ServiceBusClient client, Pseudonymizer pseudonymizer, ILogger<DisputeSessions> logger)
    {
        _processor = client.CreateSessionProcessor("fare-disputes");
        _processor.ProcessMessageAsync += OnMessageAsync;
        _processor.ProcessErrorAsync += OnErrorAsync;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
    }

    private async Task OnMessageAsync(ProcessSessionMessageEventArgs args)
    {
        using var activity = Source.StartActivity("fare-disputes process", ActivityKind.Consumer);
        activity?.SetTag("messaging.servicebus.session_id", args.SessionId); // clean precision-about
        activity?.SetTag("messaging.servicebus.subject", args.Message.Subject); // clean precision-about
        var card = args.Message.ApplicationProperties.TryGetValue("card", out var c) ? (string)c : null;
        activity?.SetTag("dispute.card", card); // leak TC1001 direct
        activity?.SetTag("dispute.card_present", card is not null); // clean precision-about
        activity?.SetBaggage("dispute.card", card); // leak TC1001 cross-member
        var dispute = JsonSerializer.Deserialize<FareDispute>(args.Message.Body.ToString());
        if (dispute is null)
        {
            await args.DeadLetterMessageAsync(args.Message, "Unreadable");
            return;
        }
        activity?.SetTag(TripAttributes.CardContact, dispute.RiderEmail); // leak TC1001 generated-api
        activity?.AddEvent(new ActivityEvent("dispute.received", tags: new ActivityTagsCollection { ["dispute.id"] = dispute.DisputeId, ["dispute.rider"] = dispute.RiderEmail })); // leak TC1001 direct
        LogDispute(_logger, dispute.DisputeId, dispute.Reason, dispute.RiderStatement); // leak TC1001 direct
        LogDisputeRedacted(_logger, dispute.DisputeId, dispute.Reason, dispute.RiderStatement); // clean logging-objects
        _logger.LogTripRefusedEvent(dispute.JourneyId, "disputed", _pseudonymizer.PseudonymizeTripCardId(dispute.CardNumber), $"reason {dispute.Reason}, statement {dispute.RiderStatement.Length} chars"); // clean generated-api
        await args.SetSessionStateAsync(BinaryData.FromString(JsonSerializer.Serialize(new { dispute.DisputeId, dispute.CardNumber })));
        if (dispute.CardNumber != card)
        {
            throw new InvalidOperationException($"Dispute {dispute.DisputeId} names card {dispute.CardNumber}, the message says {card}.");
        }
        await args.CompleteMessageAsync(args.Message);
    }

    private Task OnErrorAsync(ProcessErrorEventArgs args)
    {
        _logger.LogError(args.Exception, "Dispute processing failed in {Source} on {Entity}", args.ErrorSource, args.EntityPath); // leak TC1001 exceptions
        _logger.LogError("Dispute processing failed in {Source}: {ExceptionType}", args.ErrorSource, args.Exception.GetType().Name); // clean exceptions
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Dispute {DisputeId} ({Reason}): {Statement}")]
    private static partial void LogDispute(ILogger logger, string disputeId, string reason, string statement);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Dispute {DisputeId} ({Reason}): {Statement}")]
    private static partial void LogDisputeRedacted(ILogger logger, string disputeId, string reason, [PrivateData] string statement);
}
