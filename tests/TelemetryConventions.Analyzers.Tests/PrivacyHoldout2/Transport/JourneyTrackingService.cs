using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout2.Support;
using PrivacyHoldout2.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout2.Transport;

public sealed record TapEvent(string CardNumber, string PassengerId, string BusId, string RouteId, string StopCode, DateTimeOffset At);

public sealed record Journey(string PassengerId, string RouteId, string FromStop, string ToStop, int Stops);

public sealed class FareOptions
{
    public decimal DailyCap { get; set; } = 8.50m;

    public string Operator { get; set; } = "metro";
}

public static class JourneyActivityExtensions
{
    public static void EnrichJourney(this Activity? activity, Journey journey)
    {
        activity?.SetTag("transport.route.id", journey.RouteId);
        activity?.SetTag("transport.stops", journey.Stops);
    }

    public static void TagPassenger(this Activity? activity, string passengerId) => activity?.SetTag("transport.passenger.id", passengerId);
}

public sealed class JourneyTrackingService(IQueueReceiver<TapEvent> taps, ILogger<JourneyTrackingService> logger, Meter meter, Pseudonymizer pseudonymizer, IOptions<FareOptions> options)
{
    private static readonly ActivitySource Source = new("Transport.Journeys");
    private readonly Counter<int> _taps = meter.CreateCounter<int>("transport.taps");
    private readonly Dictionary<string, TapEvent> _openJourneys = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await taps.ReceiveAsync(cancellationToken) is { } tap)
        {
            using var activity = Source.StartActivity("tap");
            activity?.SetTag("transport.bus.id", tap.BusId); // clean precision-names
            activity?.SetTag("transport.stop.code", tap.StopCode); // clean precision-names
            activity?.SetTag("transport.card.last4", tap.CardNumber[^4..]); // clean precision-about
            _taps.Add(1, new KeyValuePair<string, object?>("route", tap.RouteId), new KeyValuePair<string, object?>("operator", options.Value.Operator)); // clean precision-names

            if (!_openJourneys.Remove(tap.PassengerId, out var start))
            {
                _openJourneys[tap.PassengerId] = tap;
                activity?.SetTag("transport.open_journeys", _openJourneys.Count); // clean precision-about
                continue;
            }

            var journey = new Journey(tap.PassengerId, tap.RouteId, start.StopCode, tap.StopCode, 0);
            journey = journey with { Stops = StopsBetween(start.StopCode, tap.StopCode) };
            activity.EnrichJourney(journey); // clean precision-names
            activity.TagPassenger(journey.PassengerId); // leak TC1001 cross-member

            using var span = Source.StartFleetJourney(pseudonymizer.PseudonymizeFleetPassengerId(tap.PassengerId)); // clean generated-api
            span.SetFleetStopCount(journey.Stops); // clean generated-api
            span.SetFleetJourneyId(tap.CardNumber); // leak TC1001 generated-api

            logger.LogInformation("Journey {@Journey} completed", journey); // leak TC1001 logging-objects
            logger.LogInformation("Journey on {RouteId} from {From} to {To} completed in {Minutes} min", journey.RouteId, journey.FromStop, journey.ToStop, (tap.At - start.At).TotalMinutes); // clean precision-about
        }
    }

    private static int StopsBetween(string from, string to) =>
        int.TryParse(from.AsSpan(1), out var a) && int.TryParse(to.AsSpan(1), out var b) ? Math.Abs(b - a) : 0;

    public void CapReached(TapEvent tap, decimal spent)
    {
        Activity.Current?.AddEvent(new ActivityEvent("fare.cap_reached", tags: new ActivityTagsCollection { ["spent"] = (double)spent, ["cap"] = (double)options.Value.DailyCap, ["card"] = tap.CardNumber })); // leak TC1001 direct
        var passenger = pseudonymizer.PseudonymizeFleetPassengerId(tap.PassengerId);
        meter.CreateFleetJourneysCounter().Add(1, fleetRegion: tap.RouteId); // clean generated-api
        _taps.Add(1, new KeyValuePair<string, object?>("capped_passenger", passenger.Value)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Daily cap reached for {Passenger}", passenger); // clean precision-pseudonym
    }
}
