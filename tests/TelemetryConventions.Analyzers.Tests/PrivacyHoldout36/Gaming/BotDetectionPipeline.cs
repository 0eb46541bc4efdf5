using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Gaming;

public sealed record InputSample(Guid PlayerId, string Gamertag, string MatchId, double AimSnapDegreesPerMs, double ReactionMs, int ActionsPerMinute, string ClientBuild);

public sealed record BotVerdict(Guid PlayerId, string Gamertag, string MatchId, double Probability, string Model, IReadOnlyList<string> Reasons);

/// <summary>
/// Reads input telemetry samples from the match servers, scores them with the bot model and flags
/// accounts above the threshold for the anti-cheat team.
/// </summary>
public sealed class BotDetectionPipeline(
    ChannelReader<InputSample> samples,
    IScoringModel model,
    IVelocityStore velocity,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<BotDetectionPipeline> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("AntiCheat.Bots");

    private readonly Histogram<double> _probabilities = meter.CreateHistogram<double>("anticheat.bot.probability");
    private readonly Counter<long> _flagged = meter.CreateCounter<long>("anticheat.bot.flagged");

    // Repeat offenders on the anti-cheat dashboard.
    private readonly Counter<long> _flagsByPlayer = meter.CreateCounter<long>("anticheat.bot.flags_by_player");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var sample in samples.ReadAllAsync(stoppingToken))
        {
            var verdict = await ScoreAsync(sample, stoppingToken);
            if (verdict.Probability >= 0.9)
            {
                await FlagAsync(verdict, stoppingToken);
            }
        }
    }

    private async Task<BotVerdict> ScoreAsync(InputSample sample, CancellationToken ct)
    {
        using var activity = Source.StartActivity("anticheat.score");
        activity?.SetTag("match.id", sample.MatchId); // clean direct
        activity?.SetTag("client.build", sample.ClientBuild);

        var features = new Dictionary<string, double>
        {
            ["aim_snap"] = sample.AimSnapDegreesPerMs,
            ["reaction_ms"] = sample.ReactionMs,
            ["apm"] = sample.ActionsPerMinute,
        };
        var probability = await model.ScoreAsync(features, ct);
        _probabilities.Record(probability, new KeyValuePair<string, object?>("model", model.Version), new KeyValuePair<string, object?>("build", sample.ClientBuild)); // clean direct

        var reasons = features.Where(f => f.Value > 0).OrderByDescending(f => f.Value).Take(2).Select(f => f.Key).ToList();
        activity?.SetTag("anticheat.reasons", string.Join(",", reasons)); // clean strings

        // One player in a hundred is traced in full for model tuning; the bucket must be stable across matches.
        var tuningBucket = (sample.PlayerId.ToString().GetHashCode() & 0x7fffffff) % 100;
        activity?.SetTag("anticheat.tuning_bucket", tuningBucket); // leak TC1002 hashes
        if (tuningBucket == 0)
        {
            activity?.SetTag("anticheat.features", string.Join(";", features.Select(f => $"{f.Key}={f.Value:F3}"))); // clean strings
        }

        return new BotVerdict(sample.PlayerId, sample.Gamertag, sample.MatchId, probability, model.Version, reasons);
    }

    private async Task FlagAsync(BotVerdict verdict, CancellationToken ct)
    {
        var flagsThisWeek = await velocity.IncrementAsync($"bot-flags:{verdict.PlayerId:N}:{ISOWeek.GetWeekOfYear(DateTime.UtcNow)}", TimeSpan.FromDays(7), ct);
        var player = pseudonymizer.ComputeAbuseActorId(verdict.PlayerId.ToString());
        var shard = HMACSHA256.HashData(secrets.ShardKey, verdict.PlayerId.ToByteArray())[0] & 7;

        _flagged.Add(1, new KeyValuePair<string, object?>("model", verdict.Model), new KeyValuePair<string, object?>("shard", shard)); // clean hashes
        _flagsByPlayer.Add(1, new KeyValuePair<string, object?>("player", verdict.Gamertag)); // leak TC1003 direct
        logger.LogWarning("Bot flagged: {@Verdict}", verdict); // leak TC1001 logging-objects
        logger.LogWarning("Bot flagged for {Player} in match {MatchId} (flag {Count} this week)", player, verdict.MatchId, flagsThisWeek); // clean precision-pseudonym
        logger.LogRiskRuleMatchedEvent("bot-model", riskNote: $"p={verdict.Probability:F2} {string.Join("+", verdict.Reasons)} player {verdict.Gamertag}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("anticheat.player.flags_this_week", flagsThisWeek); // clean precision-names
    }
}
