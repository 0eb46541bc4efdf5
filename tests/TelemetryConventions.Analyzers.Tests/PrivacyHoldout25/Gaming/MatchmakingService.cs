using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using PrivacyHoldout25.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout25.Gaming;

public sealed record QueueTicket(string Id, string PlayerId, string Region, string Mode);

public interface IMatchQueue
{
    bool IsHealthy { get; }

    Task<QueueTicket> JoinAsync(string playerId, string region, int skillRating, string mode, CancellationToken cancellationToken);

    Task LeaveAsync(string playerId, CancellationToken cancellationToken);

    ChannelReader<QueueUpdate> Updates(string playerId);
}

public interface ILeaderboards
{
    Task<LeaderboardPage> TopAsync(string seasonId, string region, int top, CancellationToken cancellationToken);
}

public interface IReportInbox
{
    Task FileAsync(ReportPlayerRequest report, CancellationToken cancellationToken);
}

/// <summary>The arena's matchmaking service. Game clients keep a <c>Queue</c> stream open from the player's console or PC.</summary>
public sealed class MatchmakingService(
    IMatchQueue queue,
    ILeaderboards leaderboards,
    IReportInbox reports,
    ILogger<MatchmakingService> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : Matchmaking.MatchmakingBase
{
    private static readonly ActivitySource Source = new("Arena.Matchmaking");

    private readonly Counter<long> _joins = meter.CreateCounter<long>("arena.queue.joins", "{join}");
    private readonly Histogram<long> _latency = meter.CreateHistogram<long>("arena.client.latency", "ms");
    private readonly Counter<long> _reports = meter.CreateCounter<long>("arena.reports", "{report}");

    public override async Task Queue(IAsyncStreamReader<QueueRequest> requestStream, IServerStreamWriter<QueueUpdate> responseStream, ServerCallContext context)
    {
        using var session = Source.StartGrpcStreamSession("matchmaking");
        Activity.Current?.SetTag("arena.client.peer", context.Peer); // leak TC1001 direct
        var headerPlayer = context.UserState.TryGetValue("arena.player", out var player) ? player as string : null;
        logger.LogDebug("Queue stream opened by {Player}", headerPlayer); // leak TC1001 cross-member
        string? playerId = null;
        var pump = Task.CompletedTask;

        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            switch (request.ActionCase)
            {
                case QueueRequest.ActionOneofCase.JoinMode:
                    playerId = request.PlayerId;
                    var ticket = await queue.JoinAsync(request.PlayerId, request.Region, request.SkillRating, request.JoinMode, context.CancellationToken);
                    logger.LogInformation("Ticket {TicketId} opened for {Gamertag} in {Region}", ticket.Id, request.Gamertag, request.Region); // leak TC1001 direct
                    session.SetGrpcStreamChannel($"queue/{request.Region}/{request.JoinMode}"); // clean strings
                    _joins.Add(1, new TagList { { "arena.region", request.Region }, { "arena.mode", request.JoinMode } }); // clean direct
                    pump = PumpAsync(queue.Updates(request.PlayerId), responseStream, context.CancellationToken);
                    break;
                case QueueRequest.ActionOneofCase.LeaveReason:
                    await queue.LeaveAsync(request.PlayerId, context.CancellationToken);
                    session.SetGrpcStreamCloseReason(request.LeaveReason); // clean direct
                    break;
                case QueueRequest.ActionOneofCase.PingMs:
                    _latency.Record(request.PingMs, new KeyValuePair<string, object?>("arena.region", request.Region)); // clean precision-about
                    break;
            }
        }

        await pump;
        if (playerId is not null)
        {
            session.SetGrpcStreamParticipantId(pseudonymizer.PseudonymizeGrpcStreamParticipantId(playerId)); // clean precision-pseudonym
        }
    }

    private async Task PumpAsync(ChannelReader<QueueUpdate> updates, IServerStreamWriter<QueueUpdate> responseStream, CancellationToken cancellationToken)
    {
        await foreach (var update in updates.ReadAllAsync(cancellationToken))
        {
            await responseStream.WriteAsync(update);
            if (update.State == "matched")
            {
                logger.LogInformation("Matched {MatchId} with {Teammates}", update.MatchId, update.Teammates); // leak TC1001 logging-objects
                logger.LogInformation("Matched {MatchId} with {TeammateCount} teammates", update.MatchId, update.Teammates.Count); // clean precision-about
            }
        }
    }

    public override async Task<LeaderboardPage> GetLeaderboard(LeaderboardRequest request, ServerCallContext context)
    {
        var page = await leaderboards.TopAsync(request.SeasonId, request.Region, request.Top, context.CancellationToken);
        Activity.Current?.SetTag("arena.leaderboard.podium", string.Join(",", page.Entries.Take(3).Select(e => e.Gamertag))); // leak TC1001 strings
        Activity.Current?.SetTag("arena.leaderboard.entries", page.Entries.Count); // clean precision-about
        logger.LogDebug("Leaderboard {Season}/{Region}: best score {Best}", request.SeasonId, request.Region, page.Entries.Count == 0 ? 0 : page.Entries.Max(e => e.Score)); // clean precision-about
        return page;
    }

    public override async Task<Empty> ReportPlayer(ReportPlayerRequest request, ServerCallContext context)
    {
        var reporter = pseudonymizer.ComputeGrpcCallSubjectId(request.ReporterId);
        logger.LogInformation("Report {Reason} in match {MatchId} by {Reporter} against {Reported}", request.ReasonCode, request.MatchId, reporter, request.ReportedGamertag); // leak TC1001 direct
        Activity.Current?.SetTag("arena.report.comment_length", request.Comment.Length); // clean precision-about
        if (request.Comment.Contains("http", StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"Links are not allowed in reports: '{request.Comment}'")); // leak TC1001 exceptions
        }

        _reports.Add(1, new TagList { { "arena.report.reason", request.ReasonCode }, { "arena.reported", request.ReportedGamertag } }); // leak TC1003 direct
        await reports.FileAsync(request, context.CancellationToken);
        return new Empty();
    }
}
