using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Transport;

public sealed record TapEvent(string TapId, string CardNumber, string StopCode, FareMedium Medium, DateTimeOffset TappedAt, string? PassengerAccountId);

public sealed record TripLeg(string TripId, string FromStop, string ToStop, decimal Fare);

public sealed class FareCappingOptions
{
    public decimal DailyCap { get; set; } = 8.10m;

    public string PassengerDomain { get; set; } = "fare.passenger.id";
}

public sealed class FareDisputeException : Exception
{
    public FareDisputeException(string cardNumber, string tripId)
        : base(string.Format(CultureInfo.InvariantCulture, "Card {0} disputes trip {1}", cardNumber, tripId))
    {
        TripId = tripId;
    }

    public string TripId { get; }
}

public sealed class FareTapProcessor(
    ChannelReader<TapEvent> taps,
    IOptions<FareCappingOptions> options,
    Pseudonymizer pseudonymizer,
    ILogger<FareTapProcessor> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Transit.Fares");
    private readonly Dictionary<string, decimal> _spentToday = new();
    private readonly List<string> _cappedCards = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var capped = meter.CreateCounter<long>("fare.capped");
        await foreach (var tap in taps.ReadAllAsync(stoppingToken))
        {
            var passenger = await ResolvePassengerAsync(tap);
            using var span = Source.StartFareTap(pseudonymizer.PseudonymizeFarePassengerId(passenger), spanName: "tap " + tap.StopCode); // clean generated-api
            span.SetFareMedium(tap.Medium).SetFareRegion(tap.StopCode[..2]); // clean generated-api

            var spent = _spentToday.TryGetValue(tap.CardNumber, out var sofar) ? sofar : 0m;
            span.SetFareNote(spent >= options.Value.DailyCap ? "capped" : "charging"); // clean precision-about
            Activity.Current?.SetTag("fare.passenger.ref", pseudonymizer.Compute(options.Value.PassengerDomain, passenger)); // clean precision-pseudonym
            Activity.Current?.SetTag("fare.spent_today", (double)spent); // clean precision-about

            if (spent >= options.Value.DailyCap)
            {
                _cappedCards.Add(tap.CardNumber);
                capped.Add(1, new KeyValuePair<string, object?>("fare.medium", tap.Medium.ToWireValue())); // clean direct
                continue;
            }

            _spentToday[tap.CardNumber] = spent + 2.70m;
            logger.LogDebug(Describe(tap)); // leak TC1001 cross-member
            logger.LogDebug("Tap {TapId} at {Stop} by {Passenger}", tap.TapId, tap.StopCode, passenger); // leak TC1001 cross-member
        }
    }

    public void ReportCapped()
    {
        Activity.Current?.SetTag("fare.capped.cards", string.Join(",", _cappedCards)); // leak TC1001 cross-member
        Activity.Current?.SetTag("fare.capped.count", _cappedCards.Count); // clean precision-about
    }

    public void RecordDispute(FareTapSpan span, TapEvent tap, TripLeg leg)
    {
        try
        {
            throw new FareDisputeException(tap.CardNumber, leg.TripId);
        }
        catch (FareDisputeException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.RecordException(ex, description: $"dispute on trip {ex.TripId}"); // clean exceptions
            span.AddFareTapDisputedEvent(pseudonymizer.PseudonymizeFarePassengerId(tap.CardNumber), fareTripId: leg.TripId); // clean precision-pseudonym
            logger.LogFareTapDisputedEvent(pseudonymizer.PseudonymizeFarePassengerId(tap.CardNumber), fareNote: ex.Message); // leak TC1001 exceptions
        }
    }

    private static string Describe(TapEvent tap)
    {
        var handler = new DefaultInterpolatedStringHandler(12, 3, CultureInfo.InvariantCulture);
        handler.AppendLiteral("tap ");
        handler.AppendFormatted(tap.TapId);
        handler.AppendLiteral(" card ");
        handler.AppendFormatted(tap.CardNumber);
        handler.AppendLiteral(" at ");
        handler.AppendFormatted(tap.StopCode);
        return handler.ToStringAndClear();
    }

    private static async Task<string> ResolvePassengerAsync(TapEvent tap)
    {
        await Task.Yield();
        return tap.PassengerAccountId ?? tap.CardNumber;
    }
}
