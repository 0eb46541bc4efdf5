using System.Text.Json;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Gaming;

public readonly record struct PlayerId(Guid Value);

public readonly record struct MatchId(Guid Value);

public sealed record PlayerScore(PlayerId PlayerId, string Gamertag, int Score, int Kills);

public sealed record MatchResult(MatchId MatchId, string Mode, string Map, string Region, IReadOnlyList<PlayerScore> Scores, TimeSpan Duration);

public sealed class MatchResultPublisher(ILogger<MatchResultPublisher> logger, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _matches = meter.CreateCounter<long>("game.matches.finished");
    private readonly Histogram<int> _scores = meter.CreateHistogram<int>("game.match.score");

    public void Publish(MatchResult result)
    {
        using var span = source.StartModelOperation("publish", nameof(MatchResult));
        span.SetModelId(result.MatchId.Value.ToString());
        span.SetModelPayloadSize(JsonSerializer.SerializeToUtf8Bytes(result).Length);
        logger.LogInformation("Match finished {Result}", result); // clean logging-objects
        logger.LogInformation("Match finished {@Result}", result); // leak TC1001 logging-objects
        logger.LogInformation("Match {MatchId} on {Map} took {Duration}", result.MatchId, result.Map, result.Duration); // clean direct

        var podium = result.Scores.OrderByDescending(s => s.Score).Take(3).ToList();
        logger.LogInformation("Podium {Podium}", podium); // leak TC1001 logging-objects
        logger.LogInformation("Podium scores {Scores}", podium.Select(p => p.Score)); // clean precision-about

        foreach (var score in result.Scores)
        {
            span.AddModelChangedEvent(nameof(PlayerScore), modelSubjectId: pseudonymizer.PseudonymizeModelSubjectId(score.PlayerId.Value.ToString()), modelNote: $"{score.Score} points"); // clean generated-api
            _scores.Record(score.Score, new KeyValuePair<string, object?>("mode", result.Mode), new KeyValuePair<string, object?>("player", score.PlayerId)); // leak TC1003 direct
        }

        _matches.Add(1, new KeyValuePair<string, object?>("mode", result.Mode), new KeyValuePair<string, object?>("region", result.Region), new KeyValuePair<string, object?>("player_count", result.Scores.Count)); // clean precision-names
        var mvp = result.Scores.MaxBy(s => s.Kills);
        span.Activity?.SetTag("game.match.mvp", mvp?.PlayerId.ToString()); // leak TC1001 cross-member
        span.Activity?.SetTag("game.match.mvp.kills", mvp?.Kills);

        var board = result.Scores.ToDictionary(s => s.Gamertag, s => s.Score);
        logger.LogDebug("Teams {Teams}", new { Red = result.Scores.Count / 2, Blue = result.Scores.Count - result.Scores.Count / 2 });
    }
}
