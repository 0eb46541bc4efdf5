using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout4.Support;
using PrivacyHoldout4.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout4.Transport;

public sealed record Tap(string CardNumber, string? AccountId, string VehicleId, string RouteCode, string StopCode, DateTimeOffset At);

public sealed record FareCharged(string AccountId, string JourneyId, decimal Fare, bool Capped);

/// <summary>Taps stream in from the validators on the buses; each is matched to a journey and charged.</summary>
public sealed class FareTapPipeline(IAccountLookup accounts, ILogger<FareTapPipeline> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Trip.Taps");
    private readonly Counter<long> _taps = meter.CreateCounter<long>("trip.validator.taps");

    public async IAsyncEnumerable<FareCharged> ChargeAsync(IAsyncEnumerable<Tap> taps, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var tap in taps.WithCancellation(cancellationToken))
        {
            var accountId = tap.AccountId ?? await accounts.ForCardAsync(tap.CardNumber);
            if (accountId is null)
            {
                logger.LogWarning("Tap on {Vehicle} with an unregistered card {Card}", tap.VehicleId, tap.CardNumber); // leak TC1001 direct
                logger.LogWarning("Tap on {Vehicle} with an unregistered card ending {Last4}", tap.VehicleId, tap.CardNumber[^4..]); // clean precision-about
                _taps.Add(1, new KeyValuePair<string, object?>("trip.route", tap.RouteCode), new KeyValuePair<string, object?>("trip.card.registered", false)); // clean precision-about
                continue;
            }

            using var span = Source.StartTripTap(pseudonymizer.PseudonymizeTripPassengerId(accountId)); // clean generated-api
            span.SetTripVehicleId(tap.VehicleId).SetTripRoute(tap.RouteCode); // clean precision-names

            var journeyId = $"{accountId}:{tap.At:yyyyMMdd}";
            span.Activity?.SetTag("trip.journey.id", journeyId); // leak TC1001 strings
            span.Activity?.SetTag("trip.journey.day", tap.At.ToString("yyyy-MM-dd")); // clean precision-about

            _taps.Add(1, new KeyValuePair<string, object?>("trip.route", tap.RouteCode), new KeyValuePair<string, object?>("trip.stop", tap.StopCode)); // clean precision-names
            yield return new FareCharged(accountId, journeyId, 2.80m, false);
        }
    }

    public void ReportRefund(FareCharged charge, decimal refund)
    {
        if (TrySplitJourney(charge.JourneyId, out var passenger, out var day))
        {
            logger.LogInformation("Refund of {Refund} on {Day}", refund, day); // clean precision-about
            logger.LogInformation("Refund of {Refund} to {Passenger}", refund, passenger); // leak TC1001 cross-member
        }
    }

    private static bool TrySplitJourney(string journeyId, out string passenger, out string day)
    {
        var parts = journeyId.Split(':');
        (passenger, day) = parts.Length == 2 ? (parts[0], parts[1]) : (string.Empty, string.Empty);
        return parts.Length == 2;
    }

    public void ReportCapped(IEnumerable<FareCharged> charges)
    {
        var capped = charges.Where(c => c.Capped).Select(c => c.AccountId).ToHashSet();
        logger.LogInformation("{Count} passengers reached the daily cap", capped.Count); // clean precision-about

        var first = capped.FirstOrDefault();
        if (first is not null)
        {
            var (passenger, note) = (pseudonymizer.PseudonymizeTripPassengerId(first), "first to cap today");
            logger.LogInformation("{Passenger}: {Note}", passenger, note); // clean precision-pseudonym
            logger.LogTripTapRejectedEvent($"{note}: {first}"); // leak TC1001 generated-api
        }
    }
}

public interface IAccountLookup
{
    ValueTask<string?> AccountForCardAsync(string cardNumber);

    ValueTask<string?> ForCardAsync(string cardNumber) => AccountForCardAsync(cardNumber);
}
