using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout13.Support;

namespace PrivacyHoldout13.Gaming;

public sealed record MatchTicket(string TicketId, string PlayerId, string Gamertag, int Skill, string Region, DateTimeOffset QueuedAt);

/// <summary>Forms lobbies of ten from the tickets written to a channel by the queue endpoint.</summary>
public sealed class MatchmakingQueue(ILogger<MatchmakingQueue> logger)
{
    private static readonly ActivitySource Source = new("Arena.Matchmaking");
    private readonly Channel<MatchTicket> _tickets = Channel.CreateUnbounded<MatchTicket>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelWriter<MatchTicket> Tickets => _tickets.Writer;

    public async Task RunAsync(CancellationToken ct)
    {
        await foreach (var lobby in _tickets.Reader.ReadAllAsync(ct).Batch(10, ct))
        {
            using var activity = Source.StartActivity("matchmaking.lobby");
            var band = lobby.Average(t => t.Skill) switch { < 1000 => "bronze", < 2000 => "silver", _ => "gold" };
            activity?.SetTag("mm.player_count", lobby.Count); // clean precision-names
            activity?.SetTag("mm.skill_band", band); // clean precision-about
            activity?.SetTag("mm.wait_ms", (DateTimeOffset.UtcNow - lobby.Min(t => t.QueuedAt)).TotalMilliseconds);
            logger.LogInformation("Lobby formed in {Region} with {Players}", lobby[0].Region, lobby.Select(t => t.Gamertag).ToList()); // leak TC1001 logging-objects
            logger.LogInformation("Lobby formed from tickets {Tickets}", lobby.Select(t => t.TicketId).ToArray()); // clean logging-objects
        }
    }
}
