using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout35.Support;
using PrivacyHoldout35.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout35.Gaming;

/// <summary>A game event as the clients send it and the raw zone keeps it (one JSON object a line).</summary>
public sealed record RawGameEvent(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("event_type")] string? EventType,
    [property: JsonPropertyName("player_id")] string PlayerId,
    [property: JsonPropertyName("player_ref")] string? PlayerRef,
    [property: JsonPropertyName("gamertag")] string? Gamertag,
    [property: JsonPropertyName("match_id")] string? MatchId,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("ts")] DateTimeOffset Timestamp);

public sealed class DuplicatePlayerEventException(string message) : Exception(message);

public interface IRawZoneReader
{
    IAsyncEnumerable<(string Path, int LineNumber, string Line)> ReadLinesAsync(string prefix, CancellationToken cancellationToken);
}

/// <summary>
/// The ELT step of the game's analytics: raw JSON lines are already in the lake; this step parses
/// one hour, drops duplicates and malformed lines, filters gamertags and loads <c>stg.game_event</c>.
/// </summary>
public sealed class GameEventsElt(IRawZoneReader raw, IWarehouseLoader warehouse, Pseudonymizer pseudonymizer, ILogger<GameEventsElt> logger)
{
    private static readonly ActivitySource Source = new("Arcade.Analytics.Elt");
    private static readonly Meter Meter = new("Arcade.Analytics.Elt");
    private static readonly Counter<long> EventsByPlatform = Meter.CreateCounter<long>("elt.events", "{event}");
    private static readonly string[] BlockedWords = ["admin", "moderator", "support"];

    public async Task LoadHourAsync(DateTimeOffset hour, CancellationToken cancellationToken)
    {
        var prefix = $"raw/game-events/dt={hour:yyyy-MM-dd}/hour={hour:HH}/";
        using var span = Source.StartPipelineBatch("game_events_elt", "raw.game_events");
        span.SetPipelineBatchId(prefix);

        var seen = new HashSet<Guid>();
        var staged = new List<RawGameEvent>();
        await foreach (var (path, lineNumber, line) in raw.ReadLinesAsync(prefix, cancellationToken))
        {
            RawGameEvent? evt;
            try
            {
                evt = JsonSerializer.Deserialize<RawGameEvent>(line);
            }
            catch (JsonException ex)
            {
                logger.LogWarning(ex, "Skipping malformed line {LineNumber} of {Path}", lineNumber, path); // clean exceptions
                logger.LogDebug("Malformed line was: {Line}", line); // leak TC1001 strings
                continue;
            }

            if (evt is null)
            {
                continue;
            }

            if (evt.EventType is null)
            {
                span.AddPipelineRowRejectedEvent("raw.game_events", "event_type missing", pseudonymizer.PseudonymizePipelineSubjectId(evt.PlayerId)); // clean precision-pseudonym
                continue;
            }

            if (evt.Gamertag is { } gamertag && BlockedWords.Any(w => gamertag.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                span.AddPipelineRowRejectedEvent("raw.game_events", $"gamertag '{gamertag}' failed the name filter"); // leak TC1001 generated-api
                continue;
            }

            try
            {
                EnsureFirstSighting(seen, evt);
            }
            catch (DuplicatePlayerEventException ex)
            {
                logger.LogError(ex, "Duplicate event dropped"); // leak TC1001 exceptions
                continue;
            }

            if (evt.PlayerRef is { } playerRef)
            {
                // The 2022 client wrote player_ref itself; those rows wait for the backfill job. Its
                // builds copied the raw player id into the field.
                span.AddPipelineRowRejectedEvent("raw.game_events", "client-side player_ref", Pseudonym.FromComputed(playerRef)); // leak TC1001 precision-pseudonym
                continue;
            }

            EventsByPlatform.Add(1, new KeyValuePair<string, object?>("platform", evt.Platform)); // clean direct
            staged.Add(evt);
        }

        var bucket = staged.Count == 0 ? 0 : (uint)staged[0].PlayerId.GetHashCode() % 64;
        Activity.Current?.SetTag("elt.first.bucket", bucket); // leak TC1002 hashes

        foreach (var match in staged.Where(e => e.MatchId is not null).GroupBy(e => e.MatchId!))
        {
            logger.LogDebug("Match {MatchId} has {Players} players in this hour", match.Key, match.Select(e => e.PlayerId).Distinct().Count()); // clean direct
        }

        await warehouse.BulkInsertAsync("stg.game_event", staged.Select(e => e with { PlayerRef = pseudonymizer.ComputePipelineSubjectId(e.PlayerId), Gamertag = null }).ToList(), cancellationToken);
        Activity.Current?.SetTag("elt.player_count", staged.Select(e => e.PlayerId).Distinct().Count()); // clean precision-names
        logger.LogInformation("Loaded {Events} events of {Matches} matches from {Prefix}", staged.Count, staged.Select(e => e.MatchId).Distinct().Count(), prefix); // clean precision-about
    }

    private static void EnsureFirstSighting(HashSet<Guid> seen, RawGameEvent evt)
    {
        if (!seen.Add(evt.EventId))
        {
            throw new DuplicatePlayerEventException($"Event {evt.EventId} of player {evt.PlayerId} seen twice");
        }
    }
}
