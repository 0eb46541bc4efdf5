using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout51.Support.Rabbit;

namespace PrivacyHoldout51.Gaming;

public sealed record MatchParticipant(Guid PlayerId, string Gamertag, int Score, int Placement);

public sealed record MatchCompleted(Guid MatchId, string Mode, string Region, TimeSpan Duration, IReadOnlyList<MatchParticipant> Participants);

public interface ILeaderboardWriter
{
    Task ApplyAsync(MatchCompleted match, CancellationToken cancellationToken);
}

/// <summary>
/// Consumes <c>match.completed.&lt;region&gt;</c> from the <c>matches</c> topic exchange. Dedicated
/// servers and the match-report API publish as their own broker users (<c>match-server</c>,
/// <c>report-api</c>); the report API adds the reporting player's id in the <c>player-id</c> header.
/// </summary>
public sealed class MatchResultsConsumer(IChannel channel, ILeaderboardWriter leaderboards, ILogger<MatchResultsConsumer> logger)
{
    private const int MaxDeaths = 3;
    private static readonly ActivitySource Source = new("Arena.Matches");

    public async Task OnReceivedAsync(BasicDeliverEventArgs delivery, CancellationToken cancellationToken)
    {
        var properties = delivery.BasicProperties;
        var parent = properties.Headers?.TryGetValue("traceparent", out var raw) == true && raw is byte[] bytes
            && ActivityContext.TryParse(Encoding.ASCII.GetString(bytes), null, out var remote) ? remote : default;
        using var activity = Source.StartActivity("matches process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.rabbitmq.destination.routing_key", delivery.RoutingKey); // clean precision-names
        activity?.SetTag("messaging.publisher.user", properties.UserId); // clean precision-names

        var deaths = properties.Headers?.TryGetValue("x-death", out var death) == true && death is IList<object> list ? list.Count : 0;
        activity?.SetTag("messaging.rabbitmq.death_count", deaths); // clean precision-about

        if (properties.Headers?.TryGetValue("player-id", out var reporter) == true && reporter is byte[] reporterBytes)
        {
            activity?.SetTag("match.reported_by", Encoding.UTF8.GetString(reporterBytes)); // leak TC1001 direct
        }

        // String header values arrive as UTF-8 bytes.
        var headers = (properties.Headers ?? new Dictionary<string, object?>()).ToDictionary(h => h.Key, h => h.Value is byte[] b ? Encoding.UTF8.GetString(b) : h.Value?.ToString());
        logger.LogDebug("Match delivery headers {@Headers}", headers); // leak TC1001 logging-objects
        logger.LogDebug("Match delivery header names {HeaderNames}", string.Join(",", headers.Keys)); // clean precision-about

        MatchCompleted? match;
        try
        {
            match = JsonSerializer.Deserialize<MatchCompleted>(delivery.Body.Span);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Unreadable match result on {RoutingKey}", delivery.RoutingKey); // clean exceptions
            logger.LogDebug("Unreadable match body {Body}", Encoding.UTF8.GetString(delivery.Body.Span)); // leak TC1001 logging-objects
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: false, cancellationToken);
            return;
        }

        activity?.SetTag("match.id", match!.MatchId); // clean precision-names
        activity?.SetTag("match.participant_count", match.Participants.Count); // clean precision-about

        var podium = match.Participants.OrderBy(p => p.Placement).Take(3).Select(p => p.Gamertag);
        activity?.SetTag("match.podium", string.Join(" / ", podium)); // leak TC1001 strings
        activity?.SetTag("match.top_score", match.Participants.Max(p => p.Score)); // clean precision-about
        logger.LogInformation("Match {MatchId} won by {Winner}", match.MatchId, match.Participants.Single(p => p.Placement == 1).PlayerId); // leak TC1001 direct

        try
        {
            await leaderboards.ApplyAsync(match, cancellationToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            var poison = deaths >= MaxDeaths;
            logger.LogWarning(ex, "Leaderboard update for match {MatchId} timed out (deaths {Deaths}, poison {Poison})", match.MatchId, deaths, poison); // clean exceptions
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: !poison, cancellationToken);
        }
    }
}
