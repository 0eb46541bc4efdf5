using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout14.Support;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Gaming;

public sealed record PartyMember(string AccountId, string Gamertag, int Skill);

public sealed record MatchTicket(string TicketId, IReadOnlyList<PartyMember> Party, string Region, DateTimeOffset QueuedAt)
{
    public PartyMember Leader => Party[0];
}

public sealed record Match(string Id, string Region, string ServerId, int Capacity);

public interface IMatchAllocator
{
    ValueTask<Match> AllocateAsync(MatchTicket ticket, CancellationToken cancellationToken);
}

public sealed class MatchmakingOptions
{
    public int MaxSkillSpread { get; init; } = 400;

    public bool AnnotateParties { get; init; }
}

public sealed class MatchmakingService(
    IMatchAllocator allocator,
    ILogger<MatchmakingService> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IOptions<MatchmakingOptions> options,
    TimeProvider clock)
{
    private static readonly ActivitySource Source = new("Play.Matchmaking");

    private readonly Histogram<double> _queueWait = meter.CreateHistogram<double>("play.queue.wait", "s");

    public async Task<Match> PlaceAsync(MatchTicket ticket, CancellationToken cancellationToken)
    {
        var match = await allocator.AllocateAsync(ticket, cancellationToken);
        using var span = Source.StartPlayMatch(match.Id).SetPlayPlayerId(pseudonymizer.PseudonymizePlayPlayerId(ticket.Leader.AccountId)).SetPlayRegion(match.Region).SetPlayPartySize(ticket.Party.Count); // clean precision-pseudonym
        var activity = Activity.Current;
        var wait = clock.GetUtcNow() - ticket.QueuedAt;

        activity?.SetTag("play.ticket.id", ticket.TicketId);
        activity?.SetTag("play.server.id", match.ServerId);
        activity?.SetTag("play.leader.gamertag.length", ticket.Leader.Gamertag.Length); // clean precision-about
        activity?.SetTag("play.skill.spread", ticket.Party.Max(p => p.Skill) - ticket.Party.Min(p => p.Skill)); // clean precision-about

        if (options.Value.AnnotateParties)
        {
            span.SetPlayNote($"party led by {ticket.Leader.Gamertag}"); // leak TC1001 generated-api
            activity?.SetTag("play.party.members", string.Join(',', ticket.Party.Select(p => p.Gamertag))); // leak TC1001 strings
        }

        activity.Note($"queued {wait.TotalSeconds:F0}s in {ticket.Region}, server {match.ServerId}"); // clean strings
        if (ticket.Party.Max(p => p.Skill) - ticket.Party.Min(p => p.Skill) > options.Value.MaxSkillSpread)
        {
            activity.Note($"skill spread too wide, lowest {ticket.Party.MinBy(p => p.Skill)!.Gamertag}"); // leak TC1001 cross-member
        }

        _queueWait.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("play.region", ticket.Region)); // clean direct
        _queueWait.Record(wait.TotalSeconds, new TagList { { "play.region", ticket.Region }, { "play.player.id", pseudonymizer.ComputePlayPlayerId(ticket.Leader.AccountId) } }); // leak TC1003 precision-pseudonym

        var playerCount = ticket.Party.Count;
        logger.LogInformation("Placed ticket {TicketId} with {PlayerCount} players in {MatchId}", ticket.TicketId, playerCount, match.Id); // clean precision-names
        logger.LogDebug("Leader {Gamertag} placed in {MatchId}", ticket.Leader.Gamertag, match.Id); // leak TC1001 direct
        return match;
    }

    public void Record(PlayerEvent playerEvent)
    {
        var activity = Activity.Current;
        activity?.SetTag("play.event", playerEvent.Describe()); // clean strings
        logger.LogInformation("Player event: {Audit}", playerEvent.AuditLine()); // leak TC1001 strings

        if (PlayerSession.Current is { } session)
        {
            activity.WithPlayer(session); // clean precision-pseudonym
            using var sessionScope = logger.BeginScope("Session of {Gamertag}", session.Gamertag); // leak TC1001 direct
            activity?.SetTag("enduser.id", session.AccountId); // leak TC1001 direct
        }

        if (playerEvent is MatchJoined { PartySize: > 1 } joined)
        {
            using var scope = logger.BeginScope(new Dictionary<string, object?> { ["MatchId"] = joined.MatchId, ["Region"] = joined.Region }); // clean logging-objects
            logger.LogInformation("Joined {Event}", joined); // leak TC1001 logging-objects
        }
    }
}
