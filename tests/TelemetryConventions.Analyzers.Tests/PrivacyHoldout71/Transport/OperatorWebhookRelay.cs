namespace PrivacyHoldout71.Transport;

/// <summary>A disruption an operator posts; riders' accounts affected are attached by our side.</summary>
public sealed record DisruptionPosted(string OperatorId, string RouteId, string Message, int DelayMinutes);

/// <summary>A rider whose saved journey uses the route.</summary>
public sealed record AffectedRider(Guid RiderId, string Email, string TravelCardNumber);

public interface ISavedJourneys
{
    Task<IReadOnlyList<AffectedRider>> OnRouteAsync(string routeId, CancellationToken cancellationToken);
}

/// <summary>
/// Relays operators' disruption webhooks to the riders whose saved journeys use the route. Builds one
/// routing entry per rider: <c>rider:{riderId}</c>.
/// </summary>
public sealed class OperatorWebhookRelay(ISavedJourneys saved, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter, ILogger<OperatorWebhookRelay> logger)
{
    private readonly Counter<long> _relayed = meter.CreateCounter<long>("tripevent.disruptions.relayed");

    public async Task RelayAsync(DisruptionPosted disruption, CancellationToken cancellationToken)
    {
        using var span = source.StartTripeventReceive("operator.disruption"); // clean generated-api
        span.SetTripeventOperator(disruption.OperatorId).SetTripeventNote($"{disruption.RouteId}: +{disruption.DelayMinutes} min"); // clean generated-api
        logger.LogInformation("Disruption on {Route}: {Message}", disruption.RouteId, disruption.Message); // clean direct
        var riders = await saved.OnRouteAsync(disruption.RouteId, cancellationToken);
        var routingKeys = riders.Select(r => $"rider:{r.RiderId}").ToList();
        logger.LogDebug("Routing keys {Keys}", routingKeys); // leak TC1001 strings
        logger.LogDebug("Routing to {Refs}", riders.Select(r => pseudonymizer.ComputeTripeventRiderId(r.RiderId.ToString())).ToList()); // clean precision-pseudonym
        span.Activity?.SetTag("relay.cards", string.Join(",", riders.Select(r => r.TravelCardNumber[^4..]))); // clean precision-about
        span.Activity?.SetTag("relay.first_email", riders.FirstOrDefault()?.Email); // leak TC1001 direct
        _relayed.Add(riders.Count, new KeyValuePair<string, object?>("route", disruption.RouteId)); // clean direct
        foreach (var rider in riders)
        {
            _relayed.Add(1, new KeyValuePair<string, object?>("card", rider.TravelCardNumber)); // leak TC1003 direct
        }
    }
}
