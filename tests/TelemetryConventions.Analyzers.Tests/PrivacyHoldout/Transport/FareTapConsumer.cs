using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Transport;

public sealed record CardTap(string TapId, string RiderAccountId, string CardToken, string RouteId, string StopCode, string BusId, DateTimeOffset TappedAt, bool Offline);

public sealed record FareDecision(int FareCents, bool CappedToday, string? DisputeReason);

public interface IFareEngine
{
    Task<FareDecision> PriceAsync(CardTap tap, CancellationToken cancellationToken);

    bool TryGetDailySpend(string riderAccountId, out int spentCents);
}

/// <summary>Prices the taps that validators on the buses publish.</summary>
public sealed class FareTapConsumer(IConsumer<string, CardTap> consumer, IFareEngine fares, Pseudonymizer pseudonymizer, Meter meter, ILogger<FareTapConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Transit.Fares");
    private readonly Histogram<int> _fares = meter.CreateHistogram<int>("transit.fare.charged", "{cent}");
    private readonly Counter<long> _capped = meter.CreateCounter<long>("transit.fare.capped");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (consumer.Consume(stoppingToken) is not { } result)
            {
                continue;
            }
            var tap = result.Message.Value;
            var rider = pseudonymizer.PseudonymizeTransitRiderId(tap.RiderAccountId);
            using var span = Source.StartTransitTap(rider) // clean generated-api
                .SetTransitRouteId(tap.RouteId); // clean generated-api

            span.Activity?.SetTag("transit.bus.id", tap.BusId); // clean precision-names
            span.Activity?.SetTag("transit.stop.code", tap.StopCode);
            span.Activity?.SetTag("transit.tap.id", tap.TapId); // clean precision-names
            span.Activity?.SetTag("transit.card.token", tap.CardToken); // leak TC1001 direct
            if (tap.Offline)
            {
                span.SetTransitTapNote($"offline tap uploaded {(DateTimeOffset.UtcNow - tap.TappedAt).TotalMinutes:F0} min late"); // clean generated-api
            }

            var decision = await fares.PriceAsync(tap, stoppingToken);
            span.SetTransitFareCents(decision.FareCents);
            _fares.Record(decision.FareCents, new TagList { { "transit.route.id", tap.RouteId }, { "transit.tap.offline", tap.Offline } }); // clean precision-names
            _fares.Record(decision.FareCents, new TagList { { "transit.route.id", tap.RouteId }, { "transit.rider", rider.Value } }); // leak TC1003 precision-pseudonym

            if (decision.CappedToday)
            {
                _capped.Add(1, new KeyValuePair<string, object?>("transit.route.id", tap.RouteId));
                if (fares.TryGetDailySpend(tap.RiderAccountId, out var spent))
                {
                    logger.LogInformation("Rider {Rider} capped after spending {Spent} cents", rider, spent); // clean precision-pseudonym
                    logger.LogDebug("Rider account {RiderAccountId} capped at {Spent}", tap.RiderAccountId, spent); // leak TC1001 direct
                }
            }

            if (decision.DisputeReason is { } reason)
            {
                logger.LogTransitFareDisputedEvent(rider, transitRouteId: tap.RouteId, transitTapNote: reason); // clean generated-api
                logger.LogTransitFareDisputedEvent(rider, transitRouteId: tap.RouteId, transitTapNote: $"{reason}; card {tap.CardToken}"); // leak TC1001 generated-api
            }
            consumer.Commit(result);
        }
    }
}
