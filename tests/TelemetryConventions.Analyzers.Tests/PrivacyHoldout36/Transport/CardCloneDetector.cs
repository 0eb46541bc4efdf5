using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Transport;

public sealed record GateTap(string TapId, string CardNumber, string StationCode, string GateId, DateTimeOffset At);

public sealed record LastSeen(string StationCode, DateTimeOffset At);

public interface IStationGraph
{
    /// <summary>The fastest possible journey between two stations.</summary>
    TimeSpan MinimumTravelTime(string fromStation, string toStation);
}

public interface IHotlist
{
    Task AddAsync(string cardNumber, string reason, CancellationToken cancellationToken = default);
}

/// <summary>
/// Detects cloned travel cards: two taps of one card that no journey could connect (the "impossible
/// journey" rule). After three such pairs the card goes on the gates' hotlist.
/// </summary>
public sealed class CardCloneDetector(
    IStationGraph stations,
    IHotlist hotlist,
    IVelocityStore velocity,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CardCloneDetector> logger,
    Meter meter)
{
    private readonly ConcurrentDictionary<string, LastSeen> _lastSeen = new();
    private readonly Counter<long> _impossible = meter.CreateCounter<long>("gates.clone.impossible_journeys");

    public async Task OnTapAsync(GateTap tap, CancellationToken ct)
    {
        var previous = _lastSeen.GetValueOrDefault(tap.CardNumber);
        _lastSeen[tap.CardNumber] = new LastSeen(tap.StationCode, tap.At);
        if (previous is null || previous.StationCode == tap.StationCode)
        {
            return;
        }

        var elapsed = tap.At - previous.At;
        var minimum = stations.MinimumTravelTime(previous.StationCode, tap.StationCode);
        if (elapsed >= minimum)
        {
            return;
        }

        var activity = Activity.Current;
        activity?.SetTag("gates.clone.from", previous.StationCode); // clean direct
        activity?.SetTag("gates.clone.to", tap.StationCode);
        activity?.SetTag("gates.clone.shortfall_s", (minimum - elapsed).TotalSeconds); // clean precision-about
        _impossible.Add(1, new KeyValuePair<string, object?>("station", tap.StationCode)); // clean direct
        activity?.AddEvent(new ActivityEvent("gates.clone.pair", tags: new ActivityTagsCollection { ["tap.id"] = tap.TapId, ["card"] = tap.CardNumber })); // leak TC1001 direct

        var hotlistKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(tap.CardNumber)));
        var pairs = await velocity.IncrementAsync($"clone-pairs:{hotlistKey}", TimeSpan.FromDays(7), ct);
        logger.LogWarning("Impossible journey {From} -> {To} in {Elapsed}, hotlist key {HotlistKey}", previous.StationCode, tap.StationCode, elapsed, hotlistKey); // leak TC1002 hashes

        var partition = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(tap.CardNumber))[0] % 8;
        activity?.SetTag("gates.clone.partition", partition); // clean hashes

        if (pairs >= 3)
        {
            await hotlist.AddAsync(tap.CardNumber, "clone-suspected", ct);
            activity?.EnrichRiskAssessment(RiskDecision.Block).SetRiskSubjectId(pseudonymizer.PseudonymizeRiskSubjectId(tap.CardNumber)).SetRiskChannel("gates"); // clean precision-pseudonym
            logger.LogWarning("Card {CardNumber} hotlisted after {Pairs} impossible journeys", tap.CardNumber, pairs); // leak TC1001 direct
            meter.CreateRiskDecisionsCounter().Add(1, RiskDecision.Block, riskChannel: "gates", riskOutcome: $"hotlisted:{tap.CardNumber[^4..]}"); // clean precision-about
        }
    }

    /// <summary>Nightly: how many cards are being tracked, for capacity planning.</summary>
    public void ReportTracked()
    {
        logger.LogInformation("Tracking last taps of {Cards} cards", _lastSeen.Count); // clean precision-about
        logger.LogDebug("Tracked cards: {Cards}", _lastSeen.Keys); // leak TC1001 logging-objects
    }
}
