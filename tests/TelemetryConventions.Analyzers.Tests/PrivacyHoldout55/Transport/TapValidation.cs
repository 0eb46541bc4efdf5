using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout55.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout55.Transport;

/// <summary>A tap as the gate sends it.</summary>
public sealed record Tap(string CardNumber, string ReaderId, string StopId, string Operator, DateTimeOffset At, bool Exit);

public sealed record TapDecision(TransitTapResult Result, string? FareBand, int? BalancePence, string? DeclineCode);

public interface IFareEngine
{
    Task<TapDecision> DecideAsync(Tap tap);
}

public sealed class CardHotlistedException(string cardNumber, string listSource)
    : Exception($"Card {cardNumber} is hotlisted ({listSource})")
{
    public string ListSource { get; } = listSource;
}

/// <summary>Turns gate taps into the generated tap span, its declined event and the tap metrics.</summary>
public sealed class TapValidationHandler(
    IFareEngine fares,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TapValidationHandler> logger)
{
    private readonly Dictionary<string, int> _recentDeclines = new();

    private static string MaskedCard(string cardNumber) => "****" + cardNumber[^4..];

    public async Task<TapDecision> HandleAsync(Tap tap)
    {
        var started = Stopwatch.GetTimestamp();
        var card = pseudonymizer.PseudonymizeTransitCardId(tap.CardNumber);
        using var span = source.StartTransitTapValidate(card, tap.ReaderId, spanName: tap.Exit ? "tap exit" : "tap entry"); // clean precision-pseudonym
        span.SetTransitStopId(tap.StopId)
            .SetTransitOperator(tap.Operator);
        span.SetTransitNote($"{tap.Operator}/{tap.StopId}/{(tap.Exit ? "exit" : "entry")}"); // clean strings

        try
        {
            var decision = await fares.DecideAsync(tap);
            span.SetTransitTapResult(decision.Result); // clean generated-api
            if (decision.FareBand is { } band)
            {
                span.SetTransitFareBand(band);
            }
            meter.CreateTransitTapsCounter().Add(1, tap.Operator, decision.Result, decision.FareBand, tap.StopId); // clean precision-about
            meter.CreateTransitValidationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tap.Operator, decision.Result);

            if (decision.Result == TransitTapResult.Declined)
            {
                _recentDeclines[tap.CardNumber] = _recentDeclines.GetValueOrDefault(tap.CardNumber) + 1;
                logger.LogTransitTapDeclinedEvent(decision.Result, tap.ReaderId, card, tap.StopId, decision.DeclineCode); // clean precision-pseudonym
                logger.LogTransitTapDeclinedEvent(decision.Result, tap.ReaderId, transitStopId: tap.StopId, transitNote: $"card {MaskedCard(tap.CardNumber)}, balance {decision.BalancePence}p"); // clean precision-about
                span.SetTransitNote($"declines today for this card: {_recentDeclines[tap.CardNumber]}"); // clean precision-about
                meter.CreateTransitTapsCounter().Add(1, tap.Operator, TransitTapResultValue.Custom($"declined:{decision.DeclineCode}"), transitFareBand: MaskedCard(tap.CardNumber)); // clean precision-about
            }
            return decision;
        }
        catch (CardHotlistedException ex)
        {
            span.SetTransitTapResult(TransitTapResult.Hotlisted) // clean generated-api
                .RecordException(ex); // clean exceptions
            span.SetTransitNote(ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Hotlisted tap: " + tap.CardNumber + " at " + tap.ReaderId); // leak TC1001 strings
            logger.LogTransitTapDeclinedEvent(TransitTapResult.Hotlisted, tap.ReaderId, card, tap.StopId, $"list {ex.ListSource}"); // clean exceptions
            logger.LogTransitTapDeclinedEvent(TransitTapResult.Hotlisted, tap.ReaderId, transitNote: tap.CardNumber); // leak TC1001 generated-api
            var hotlistKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(tap.CardNumber)));
            span.Activity?.SetTag("transit.hotlist.key", hotlistKey); // leak TC1002 hashes
            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(tap.CardNumber))[0] & 0x0F;
            span.Activity?.SetTag("transit.hotlist.shard", shard); // clean hashes
            meter.CreateTransitTapsCounter().Add(1, tap.Operator, TransitTapResultValue.Custom("hotlisted:" + tap.CardNumber)); // leak TC1003 generated-api
            return new TapDecision(TransitTapResult.Hotlisted, null, null, "HOT");
        }
    }

    public void ReportRepeatDecliners()
    {
        logger.LogInformation("Repeat decliners {Decliners}", _recentDeclines); // leak TC1001 logging-objects
        logger.LogInformation("Repeat decliners: {Count}", _recentDeclines.Count); // clean precision-about
        foreach (var (cardNumber, declines) in _recentDeclines)
        {
            if (declines > 3)
            {
                Activity.Current?.AddEvent(new ActivityEvent("transit.repeat_decliner", tags: new ActivityTagsCollection { ["transit.card"] = cardNumber, ["transit.declines"] = declines })); // leak TC1001 cross-member
            }
        }
    }
}
