using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout35.Support;
using PrivacyHoldout35.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout35.Transport;

public sealed record GateTap(string CardNumber, string ReaderId, string StopId, char Direction, DateTimeOffset At, string? RiderEmail);

public sealed record Journey(string CardNumber, string FromStop, string ToStop, DateTimeOffset Start, DateTimeOffset End, string? RiderEmail);

public sealed record PricedJourney(string CardRef, string FromStop, string ToStop, DateOnly TravelDate, decimal Fare);

public sealed class FareCalculationException(string message) : Exception(message);

public sealed class TariffTableException(string message) : Exception(message);

public interface IFareEngine
{
    decimal Price(Journey journey);
}

/// <summary>Prices journeys; a journey without a fare names the card, a missing tariff row only the stops.</summary>
public sealed class ZonalFareEngine(IReadOnlyDictionary<(string From, string To), decimal> tariff, IReadOnlySet<string> knownStops) : IFareEngine
{
    public decimal Price(Journey journey)
    {
        if (!knownStops.Contains(journey.FromStop) || !knownStops.Contains(journey.ToStop))
        {
            throw new TariffTableException($"Tariff table has no row for {journey.FromStop} -> {journey.ToStop}");
        }

        return tariff.TryGetValue((journey.FromStop, journey.ToStop), out var fare)
            ? fare
            : throw new FareCalculationException($"No fare for card {journey.CardNumber} between {journey.FromStop} and {journey.ToStop}");
    }
}

/// <summary>
/// Nightly transform of gate taps into priced journeys for the revenue warehouse, and the
/// origin-destination matrix for the planning team (cells under ten journeys suppressed).
/// </summary>
public sealed class TapJourneyBuilder(
    IFareEngine fares,
    IWarehouseLoader warehouse,
    IReadOnlySet<string> knownReaders,
    Pseudonymizer pseudonymizer,
    ILogger<TapJourneyBuilder> logger)
{
    private const int OdThreshold = 10;
    private static readonly ActivitySource Source = new("Transit.Warehouse.Journeys");
    private static readonly Meter Meter = new("Transit.Warehouse.Journeys");
    private static readonly Counter<long> TapsByStop = Meter.CreateCounter<long>("taps.loaded", "{tap}");
    private static readonly Counter<long> JourneysByCard = Meter.CreateCounter<long>("journeys.built", "{journey}");

    public async Task BuildAsync(DateOnly day, IReadOnlyList<GateTap> taps, CancellationToken cancellationToken)
    {
        using var span = Source.StartPipelineBatch("tap_journey_build", "gates.tap");
        span.SetPipelineBatchId(day.ToString("yyyy-MM-dd"));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var accepted = new List<GateTap>();
        foreach (var tap in taps)
        {
            if (!knownReaders.Contains(tap.ReaderId))
            {
                logger.LogWarning("Tap from unknown reader {ReaderId} at stop {StopId}", tap.ReaderId, tap.StopId); // clean direct
                continue;
            }

            if (tap.CardNumber.Length != 18 || !tap.CardNumber.StartsWith("633597", StringComparison.Ordinal))
            {
                logger.LogWarning("Tap rejected: card {CardNumber} is not an ITSO shell number", tap.CardNumber); // leak TC1001 direct
                continue;
            }

            var tapKey = $"{tap.CardNumber}:{tap.ReaderId}:{tap.At:yyyyMMddHHmmss}";
            if (!seen.Add(tapKey))
            {
                logger.LogDebug("Duplicate tap {TapKey} dropped", tapKey); // leak TC1001 strings
                continue;
            }

            TapsByStop.Add(1, new KeyValuePair<string, object?>("stop", tap.StopId)); // clean direct
            accepted.Add(tap);
        }

        var journeys = new List<Journey>();
        foreach (var byCard in accepted.GroupBy(t => t.CardNumber))
        {
            using var cardScope = logger.BeginScope("Journeys of card {CardNumber}", byCard.Key); // leak TC1001 direct
            GateTap? open = null;
            foreach (var tap in byCard.OrderBy(t => t.At))
            {
                if (tap.Direction == 'I')
                {
                    if (open is not null)
                    {
                        span.AddPipelineRowRejectedEvent("gates.tap", $"incomplete journey from stop {open.StopId}", pseudonymizer.PseudonymizePipelineSubjectId(byCard.Key)); // clean precision-pseudonym
                    }

                    open = tap;
                }
                else if (open is not null)
                {
                    journeys.Add(new Journey(byCard.Key, open.StopId, tap.StopId, open.At, tap.At, tap.RiderEmail ?? open.RiderEmail));
                    open = null;
                }
            }

            var built = journeys.Count(j => j.CardNumber == byCard.Key);
            JourneysByCard.Add(built, new KeyValuePair<string, object?>("card", pseudonymizer.ComputePipelineSubjectId(byCard.Key))); // leak TC1003 precision-pseudonym
            if (built > 12)
            {
                logger.LogInformation("Card ending {Last4} made {Journeys} journeys", byCard.Key[^4..], built); // clean precision-about
                Activity.Current?.SetTag("journeys.heavy.hotlist_key", Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(byCard.Key)))); // leak TC1002 hashes
            }
        }

        var priced = new List<PricedJourney>();
        foreach (var journey in journeys)
        {
            try
            {
                priced.Add(new PricedJourney(pseudonymizer.ComputePipelineSubjectId(journey.CardNumber), journey.FromStop, journey.ToStop, day, fares.Price(journey)));
            }
            catch (FareCalculationException ex)
            {
                logger.LogError(ex, "Journey left unpriced"); // leak TC1001 exceptions
                if (journey.RiderEmail is not null)
                {
                    Activity.Current?.SetTag(PipelineAttributes.SubjectContact, journey.RiderEmail); // leak TC1001 generated-api
                }
            }
            catch (TariffTableException ex)
            {
                logger.LogError(ex, "Journey left unpriced: tariff gap"); // clean exceptions
            }
        }

        await warehouse.BulkInsertAsync("stg.priced_journey", priced, cancellationToken);
        Meter.CreatePipelineRowsProcessedCounter().Add(priced.Count, "dw.fact_journey", "priced"); // clean generated-api

        var od = journeys.GroupBy(j => $"{j.FromStop}->{j.ToStop}").Select(g => (Cell: g.Key, Count: g.Count())).ToList();
        var suppressed = od.Where(c => c.Count < OdThreshold).Select(c => c.Cell).ToList();
        logger.LogInformation("OD cells suppressed below {Threshold}: {Cells}", OdThreshold, string.Join(";", suppressed)); // clean strings
        span.SetPipelineRowCount(priced.Count); // clean precision-about
    }
}
