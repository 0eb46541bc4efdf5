using System.Text.Json;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Transport;

/// <summary>A travel card number; prints its last four digits only.</summary>
public sealed class TravelCard(string number)
{
    public string Number { get; } = number;

    public string LastFour => Number.Length >= 4 ? Number[^4..] : Number;

    public override string ToString() => $"card ending {LastFour}";
}

public sealed record Tap(Guid TapId, string StopCode, string ReaderId, DateTimeOffset At);

public sealed class Journey
{
    public Guid JourneyId { get; init; }

    public Guid RiderId { get; init; }

    public TravelCard Card { get; init; } = new("");

    public List<Tap> Taps { get; } = [];

    public decimal Fare { get; set; }

    public string Zone { get; init; } = "";

    public override string ToString() => $"Journey {JourneyId:N}";
}

public sealed record JourneyCompleted(Guid JourneyId, TravelCard Card, string FromStop, string ToStop, decimal Fare);

public enum DisputeReason
{
    MissingTapOut,
    WrongFare,
    CardReadError,
}

public sealed record FareCapped(Guid JourneyId, Guid RiderId, decimal CapAmount, string Zone);

public sealed class JourneyEventsHandler(ILogger<JourneyEventsHandler> logger, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Histogram<double> _fares = meter.CreateHistogram<double>("transit.fare");

    public void Completed(Journey journey)
    {
        using var span = source.StartModelOperation("complete", nameof(Journey));
        var activity = span.Activity;
        span.SetModelId(journey.JourneyId.ToString());
        logger.LogInformation("Completed {Journey}", journey); // clean logging-objects
        activity?.SetTag("transit.journey", $"{journey}"); // clean strings

        var completed = new JourneyCompleted(journey.JourneyId, journey.Card, journey.Taps[0].StopCode, journey.Taps[^1].StopCode, journey.Fare);
        logger.LogInformation("Publishing {Event}", completed); // clean logging-objects
        logger.LogInformation("Publishing {@Event}", completed); // leak TC1001 logging-objects
        activity?.SetTag("transit.card", journey.Card.ToString()); // clean precision-about
        activity?.SetTag("transit.card.number", journey.Card.Number); // leak TC1001 direct
        logger.LogDebug("Taps {Taps}", journey.Taps); // clean logging-objects

        span.SetModelSubjectId(pseudonymizer.PseudonymizeModelSubjectId(journey.RiderId.ToString())); // clean precision-pseudonym
        _fares.Record((double)journey.Fare, new KeyValuePair<string, object?>("zone", journey.Zone), new KeyValuePair<string, object?>("taps", journey.Taps.Count)); // clean direct
        _fares.Record((double)journey.Fare, new KeyValuePair<string, object?>("rider", journey.RiderId)); // leak TC1003 direct
    }

    public void Capped(FareCapped capped)
    {
        logger.LogInformation("Fare capped at {Cap} in {Zone}", capped.CapAmount, capped.Zone);
        logger.LogModelChangedEvent(nameof(FareCapped), modelSubjectId: pseudonymizer.PseudonymizeModelSubjectId(capped.RiderId.ToString()), modelNote: $"capped at {capped.CapAmount} in {capped.Zone}"); // clean generated-api
        logger.LogModelChangedEvent(nameof(FareCapped), modelNote: $"{capped}"); // leak TC1001 generated-api
    }

    public void Disputed(Journey journey, DisputeReason reason)
    {
        var dispute = new InvalidOperationException($"Fare dispute on {journey} for {journey.Card}: {reason}");
        logger.LogWarning(dispute, "Dispute opened"); // clean exceptions
        var manual = new InvalidOperationException($"Manual review of card {journey.Card.Number} on journey {journey.JourneyId:N}");
        Activity.Current?.AddException(manual); // leak TC1001 exceptions
    }
}
