using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using PrivacyHoldout24.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout24.Transport;

/// <summary>The signed-in rider, set per request by the app's middleware.</summary>
public sealed record RiderContext(Guid RiderId, string? TravelCardNumber, string Reference)
{
    public static RiderContext Create(Guid riderId, string? travelCardNumber, Pseudonymizer pseudonymizer) =>
        new(riderId, travelCardNumber, pseudonymizer.ComputeAssistantSubjectId(riderId.ToString()));
}

public sealed record PlannedLeg(string Mode, string RouteId, string FromStopId, string ToStopId, DateTimeOffset Departs, DateTimeOffset Arrives);

public sealed record CardTrip(DateOnly Day, string EntryStopId, string ExitStopId, decimal Fare);

public sealed class CardNotRegisteredException(string cardNumber)
    : Exception($"Travel card {cardNumber} is not registered to this rider.");

public interface ITripPlanner
{
    Task<IReadOnlyList<PlannedLeg>> PlanAsync(string from, string to, DateTimeOffset departAt, CancellationToken cancellationToken);
}

public interface ICardHistory
{
    Task<IReadOnlyList<CardTrip>> GetTripsAsync(string cardNumber, int days, CancellationToken cancellationToken);
}

/// <summary>
/// The app's travel assistant. Riders type what they want ("home to the airport by 7", "why was I
/// charged twice on Tuesday?"); the model calls the planner or the card history and answers.
/// </summary>
public sealed class JourneyAssistant(
    IChatClient chatClient,
    ITripPlanner planner,
    ICardHistory cards,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<JourneyAssistant> logger)
{
    private static readonly ActivitySource Source = new("Transit.Assistant");

    private static readonly Counter<long> RequestsByRider = new Meter("Transit.Assistant").CreateCounter<long>("transit.assistant.requests.by_rider", "{request}");

    private const string Model = "gpt-4o-mini-2024-07-18";

    public async Task<string> AskAsync(RiderContext rider, string riderRequest, CancellationToken cancellationToken)
    {
        using var span = Source.StartAssistantCompletion(Model);
        span.SetAssistantFeature("journey-assistant");
        span.SetAssistantSubjectId(pseudonymizer.PseudonymizeAssistantSubjectId(rider.RiderId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("transit.rider.reference", rider.Reference); // clean precision-pseudonym
        Activity.Current?.SetTag("transit.request.length", riderRequest.Length); // clean precision-about
        logger.LogInformation("Rider {RiderId} asked the assistant: {Request}", rider.RiderId, riderRequest); // leak TC1001 direct

        var tools = new List<AITool>
        {
            AIFunctionFactory.Create((string from, string to, DateTimeOffset departAt) => 0, "plan_journey", "Plans a journey between two places the rider names."),
        };
        if (rider.TravelCardNumber is not null)
        {
            tools.Add(AIFunctionFactory.Create((string cardNumber, int days) => 0, "get_card_trips", "Recent trips of the rider's travel card."));
        }

        List<ChatMessage> messages =
        [
            new(ChatRole.System, rider.TravelCardNumber is null
                ? "You are a transit assistant. Plan journeys with the tools."
                : $"You are a transit assistant. The rider's travel card is {rider.TravelCardNumber}."),
            new(ChatRole.User, riderRequest),
        ];

        var response = await chatClient.GetResponseAsync(messages, new ChatOptions { ModelId = Model, Tools = tools }, cancellationToken);
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        messages.AddRange(response.Messages);
        foreach (var call in calls)
        {
            Activity.Current?.AddEvent(new ActivityEvent("gen_ai.tool.call", tags: new ActivityTagsCollection { ["gen_ai.tool.name"] = call.Name, ["gen_ai.tool.call.arguments"] = JsonSerializer.Serialize(call.Arguments) })); // leak TC1001 logging-objects
            messages.Add(new ChatMessage(ChatRole.Tool, [await RunAsync(call, cancellationToken)]));
        }

        if (calls.Count > 0)
        {
            response = await chatClient.GetResponseAsync(messages, new ChatOptions { ModelId = Model }, cancellationToken);
        }

        meter.CreateAssistantTokenUsageHistogram().Record(response.Usage?.InputTokenCount ?? 0, Model, "input", assistantFeature: "journey-assistant");
        meter.CreateAssistantRequestsCounter().Add(1, Model, assistantFeature: "journey-assistant", assistantFinishReason: response.FinishReason?.Value);
        RequestsByRider.Add(1, new KeyValuePair<string, object?>("transit.rider.reference", rider.Reference)); // leak TC1003 precision-pseudonym
        return response.Text;
    }

    private async Task<FunctionResultContent> RunAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        if (call.Name == "plan_journey")
        {
            var from = call.Arguments?["from"]?.ToString() ?? string.Empty;
            var to = call.Arguments?["to"]?.ToString() ?? string.Empty;
            var legs = await planner.PlanAsync(from, to, DateTimeOffset.UtcNow, cancellationToken);
            Activity.Current?.SetTag("transit.plan.legs", legs.Count); // clean precision-about
            Activity.Current?.SetTag("transit.plan.routes", string.Join(",", legs.Select(l => l.RouteId))); // clean precision-names
            logger.LogDebug("Planned {From} -> {To}", from, to); // leak TC1001 direct
            return new FunctionResultContent(call.CallId, legs);
        }

        var cardNumber = call.Arguments?["cardNumber"]?.ToString() ?? string.Empty;
        try
        {
            var trips = await cards.GetTripsAsync(cardNumber, 14, cancellationToken);
            Activity.Current?.SetTag("transit.card.last4", cardNumber[^4..]); // clean precision-about
            return new FunctionResultContent(call.CallId, trips);
        }
        catch (CardNotRegisteredException ex)
        {
            logger.LogWarning(ex, "Card history tool refused the card"); // leak TC1001 exceptions
            return new FunctionResultContent(call.CallId, "That card is not registered to you.");
        }
    }
}
