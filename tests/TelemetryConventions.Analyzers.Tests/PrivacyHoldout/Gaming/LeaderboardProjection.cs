using System;
using System.Collections.Concurrent;
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

namespace PrivacyHoldout.Gaming;

public sealed record MatchFinished(string MatchId, string Mode, IReadOnlyList<(string AccountId, string Gamertag, int Score)> Results, TimeSpan Duration);

/// <summary>Keeps the weekly leaderboard from finished matches on the queue.</summary>
public sealed class LeaderboardProjection(IQueueReceiver<MatchFinished> receiver, Pseudonymizer pseudonymizer, Meter meter, ILogger<LeaderboardProjection> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Match.Leaderboard");
    private readonly ConcurrentDictionary<string, int> _weekly = new();
    private readonly Histogram<double> _duration = meter.CreateHistogram<double>("match.duration", "s");
    private readonly Counter<long> _scores = meter.CreateCounter<long>("match.score.points");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var finished = await receiver.ReceiveAsync(stoppingToken);
            if (finished is null)
            {
                continue;
            }
            using var activity = Source.StartActivity("match.leaderboard.project");
            activity?.SetTag("match.id", finished.MatchId); // clean precision-names
            activity?.SetTag("match.player_count", finished.Results.Count); // clean precision-names
            _duration.Record(finished.Duration.TotalSeconds, new KeyValuePair<string, object?>("match.mode", finished.Mode));

            var winner = finished.Results.OrderByDescending(r => r.Score).First();
            activity?.SetTag("match.winner", winner.Gamertag); // leak TC1001 cross-member
            activity?.SetTag("match.winner.score", winner.Score);
            activity?.SetTag("match.winner.pseudonym", pseudonymizer.PseudonymizeMatchPlayerId(winner.AccountId)); // clean precision-pseudonym

            foreach (var (accountId, gamertag, score) in finished.Results)
            {
                var total = _weekly.AddOrUpdate(accountId, score, (_, sum) => sum + score);
                _scores.Add(score, new KeyValuePair<string, object?>("match.player", pseudonymizer.ComputeMatchPlayerId(accountId))); // leak TC1003 precision-pseudonym
                if (total > 10_000)
                {
                    logger.LogInformation("{Gamertag} passed 10k points this week", gamertag); // leak TC1001 direct
                }
            }

            var podium = string.Join(", ", finished.Results.OrderByDescending(r => r.Score).Take(3).Select(r => $"{r.Gamertag}={r.Score}"));
            activity?.AddEvent(new ActivityEvent("match.podium", tags: new ActivityTagsCollection { ["match.podium"] = podium })); // leak TC1001 strings
            activity?.SetTag("match.leaderboard.size", _weekly.Count); // clean precision-about
        }
    }
}
