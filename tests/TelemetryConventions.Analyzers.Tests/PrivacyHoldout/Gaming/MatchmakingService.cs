using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Gaming;

public sealed record JoinQueueRequest(string AccountId, string Gamertag, string Mode, string Region, int SkillRating, string? PartyId);

public sealed record JoinQueueReply(string TicketId, TimeSpan EstimatedWait);

public enum QueueOutcome
{
    Queued,
    AlreadyQueued,
    Banned,
    RegionFull,
}

public interface ITicketStore
{
    (QueueOutcome Outcome, string? TicketId) TryEnqueue(JoinQueueRequest request);

    int WaitingIn(string mode, string region);
}

/// <summary>The gRPC matchmaking service: players join a queue for a mode and region.</summary>
public sealed class MatchmakingService(ITicketStore tickets, Pseudonymizer pseudonymizer, Meter meter, ILogger<MatchmakingService> logger)
{
    private static readonly ActivitySource Source = new("Match.Matchmaking");
    private readonly Histogram<int> _skill = meter.CreateHistogram<int>("match.queue.skill_rating");
    private readonly UpDownCounter<int> _waiting = meter.CreateUpDownCounter<int>("match.queue.waiting");

    public Task<JoinQueueReply> JoinQueue(JoinQueueRequest request, ServerCallContext context)
    {
        var player = pseudonymizer.PseudonymizeMatchPlayerId(request.AccountId);
        using var span = Source.StartMatchJoin(player) // clean generated-api
            .SetMatchMode(request.Mode); // clean generated-api

        span.Activity?.SetTag("rpc.method", context.Method);
        span.Activity?.SetTag("match.region", request.Region);
        span.Activity?.SetTag("match.party", request.PartyId is not null); // clean precision-about
        span.Activity?.SetTag("match.player.gamertag", request.Gamertag); // leak TC1001 direct
        span.Activity?.SetTag("client.peer", context.Peer); // leak TC1001 direct

        var (outcome, ticketId) = tickets.TryEnqueue(request);
        var status = outcome switch
        {
            QueueOutcome.Queued => "queued",
            QueueOutcome.AlreadyQueued => "duplicate",
            QueueOutcome.Banned => $"banned:{request.AccountId}",
            _ => "region_full",
        };
        span.Activity?.SetTag("match.queue.status", status); // leak TC1001 strings
        span.Activity?.SetTag("match.queue.outcome", outcome.ToString());
        _skill.Record(request.SkillRating, new KeyValuePair<string, object?>("match.mode", request.Mode), new KeyValuePair<string, object?>("match.region", request.Region));

        if (outcome == QueueOutcome.Banned)
        {
            logger.LogWarning("Banned player {Gamertag} ({AccountId}) tried to queue for {Mode}", request.Gamertag, request.AccountId, request.Mode); // leak TC1001 direct
            throw new RpcException("PERMISSION_DENIED", $"account {request.AccountId} is banned");
        }
        if (ticketId is null)
        {
            logger.LogInformation("No room in {Region} for mode {Mode}", request.Region, request.Mode);
            throw new RpcException("RESOURCE_EXHAUSTED", "region full");
        }

        _waiting.Add(1, new KeyValuePair<string, object?>("match.mode", request.Mode));
        meter.CreateMatchJoinsCounter().Add(1, matchMode: request.Mode); // clean generated-api
        span.SetMatchPlayerCount(tickets.WaitingIn(request.Mode, request.Region)); // clean precision-about
        span.Activity?.SetTag("match.ticket.id", ticketId); // clean precision-names

        var wait = TimeSpan.FromSeconds(Math.Clamp(30 - tickets.WaitingIn(request.Mode, request.Region), 5, 30));
        return Task.FromResult(new JoinQueueReply(ticketId, wait));
    }
}

/// <summary>Logs every RPC failure with the caller, for the support team.</summary>
public sealed class RpcErrorInterceptor(ILogger<RpcErrorInterceptor> logger)
{
    public async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, Func<TRequest, ServerCallContext, Task<TResponse>> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException ex)
        {
            Activity.Current?.SetTag("rpc.grpc.status_code", ex.Status);
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogError("RPC {Method} failed with {Status}", context.Method, ex.Status); // clean exceptions
            context.RequestHeaders.TryGetValue("x-account-id", out var accountId);
            logger.LogError("RPC {Method} failed for account {AccountId}", context.Method, accountId); // leak TC1001 cross-member
            throw;
        }
    }
}
