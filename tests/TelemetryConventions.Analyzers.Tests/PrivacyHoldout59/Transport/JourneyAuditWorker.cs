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
using Microsoft.Extensions.Options;
using PrivacyCorpus.Shared;
using TelemetryConventions;
using PrivacyHoldout59.Telemetry;

namespace PrivacyHoldout59.Transport;

public interface ITapArchive
{
    Task<IReadOnlyList<TapEvent>> ReadDayAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>Nightly: pairs taps into journeys, finds unfinished ones and reports per operator.</summary>
public sealed class JourneyAuditWorker(
    ITapArchive archive,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IOptionsMonitor<TapTelemetryOptions> options,
    ILogger<JourneyAuditWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Tap.Audit");
    private readonly Histogram<long> _tapsPerCard = meter.CreateHistogram<long>("tap.audit.taps_per_card");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        var taps = await archive.ReadDayAsync(day, stoppingToken);
        foreach (var byOperator in taps.GroupBy(t => t.Operator))
        {
            Audit(day, byOperator.Key, byOperator.ToList());
        }
    }

    private void Audit(DateOnly day, string op, IReadOnlyList<TapEvent> taps)
    {
        var o = options.CurrentValue;
        var prefix = o.PrefixFor(op);
        using var activity = Source.StartActivity("tap.audit.operator");
        activity?.SetTag(prefix + "operator", op); // clean precision-about
        activity?.SetTag(prefix + "day", day.ToString("yyyy-MM-dd")); // clean precision-about
        activity?.SetTag(prefix + "taps", taps.Count); // clean precision-about

        var perCard = taps.GroupBy(t => t.CardNumber).ToDictionary(g => g.Key, g => g.Count());
        var unfinished = perCard.Where(c => c.Value % 2 == 1).Select(c => c.Key).ToList();
        activity?.SetTag(prefix + "unfinished.count", unfinished.Count); // clean precision-about
        logger.LogInformation("{Operator}: {Cards} cards, {Unfinished} unfinished journeys", op, perCard.Count, unfinished.Count); // clean precision-about
        logger.LogInformation("{Operator} unfinished journeys: {Cards}", op, unfinished); // leak TC1001 logging-objects
        logger.LogDebug("{Operator} taps per card {PerCard}", op, perCard); // leak TC1001 logging-objects

        var perRider = taps.GroupBy(t => pseudonymizer.ComputeTapRiderId(t.RiderId?.ToString() ?? t.CardNumber)).ToDictionary(g => g.Key, g => g.Count());
        logger.LogDebug("{Operator} taps per rider {PerRider}", op, perRider); // clean precision-pseudonym
        foreach (var (rider, count) in perRider.Where(r => r.Value > 20)) activity?.AddEvent(new ActivityEvent("tap.audit.heavy_user", tags: new ActivityTagsCollection { ["rider"] = rider, ["taps"] = count })); // clean precision-pseudonym
        foreach (var (card, count) in perCard.Where(c => c.Value > 20)) activity?.AddEvent(new ActivityEvent("tap.audit.heavy_card", tags: new ActivityTagsCollection { ["card"] = card, ["taps"] = count })); // leak TC1001 direct

        foreach (var (_, count) in perCard)
        {
            _tapsPerCard.Record(count, new KeyValuePair<string, object?>("tap.operator", op)); // clean precision-about
        }
        foreach (var (card, count) in perCard)
        {
            _tapsPerCard.Record(count, new KeyValuePair<string, object?>("tap.operator", op), new KeyValuePair<string, object?>("tap.card.bucket", HotlistKey(card)[..2])); // leak TC1002 hashes
            _tapsPerCard.Record(count, new KeyValuePair<string, object?>("tap.operator", op), new KeyValuePair<string, object?>("tap.card.shard", Shard(card))); // clean hashes
        }

        var perZone = taps.GroupBy(t => t.Zone).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (zone, count) in perZone) activity?.SetTag($"{prefix}zone.{zone}.taps", count); // clean precision-about
        foreach (var (card, count) in perCard.Take(5)) activity?.SetTag($"{prefix}top.{card}", count); // leak TC1001 strings
        foreach (var (card, count) in perCard.Take(5)) activity?.SetTag($"{prefix}top.{card[^4..]}", count); // clean precision-about
        logger.LogInformation("Per-zone taps {PerZone}", perZone); // clean logging-objects
        logger.LogInformation("Configured fields {Operators}", o.OperatorFields.Keys); // clean precision-names
        logger.LogInformation("Operator fields {@OperatorFields}", o.OperatorFields); // clean precision-names
        activity?.SetTag(prefix + "hotlist.keys", string.Join(",", unfinished.Select(HotlistKey))); // leak TC1002 hashes
    }

    private static string HotlistKey(string cardNumber) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(cardNumber)));

    private string Shard(string cardNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return (hmac.ComputeHash(Encoding.ASCII.GetBytes(cardNumber))[0] % 32).ToString();
    }
}
