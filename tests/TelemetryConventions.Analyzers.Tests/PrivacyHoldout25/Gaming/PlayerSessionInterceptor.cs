using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using TelemetrySecrets = PrivacyCorpus.Shared.TelemetrySecrets;
using PrivacyHoldout25.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout25.Gaming;

/// <summary>Counts the messages a stream reads, without touching them.</summary>
public sealed class CountingStreamReader<T>(IAsyncStreamReader<T> inner, Action onMessage) : IAsyncStreamReader<T>
{
    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        var moved = await inner.MoveNext(cancellationToken);
        if (moved)
        {
            onMessage();
        }
        return moved;
    }
}

/// <summary>
/// Server interceptor of the arena host, registered for <see cref="MatchmakingService"/> only. The game client
/// sends the player's account id in <c>x-player-id</c>.
/// </summary>
public sealed class PlayerSessionInterceptor(ILogger<PlayerSessionInterceptor> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter) : Interceptor
{
    private readonly Counter<long> _streamMessages = meter.CreateCounter<long>("arena.stream.messages", "{message}");

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var playerId = context.RequestHeaders.GetValue("x-player-id");
        context.UserState["arena.player"] = playerId ?? string.Empty;
        Activity.Current?.SetBaggage("arena.player.id", playerId); // leak TC1001 direct
        Activity.Current?.SetTag("arena.player.cohort", playerId is null ? -1 : (playerId.GetHashCode() & 0x7fffffff) % 32); // leak TC1002 hashes
        var counted = new CountingStreamReader<TRequest>(requestStream, () => _streamMessages.Add(1, new KeyValuePair<string, object?>("rpc.method", context.Method))); // clean precision-names
        return continuation(counted, responseStream, context);
    }

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var playerId = context.RequestHeaders.GetValue("x-player-id") ?? "anonymous";
        Activity.Current?.SetBaggage("arena.player.ref", pseudonymizer.ComputeGrpcCallSubjectId(playerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("arena.player.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(playerId))[0] % 8); // clean hashes
        var span = Activity.Current.EnrichGrpcCallHandle(context.Method);
        try
        {
            var response = await continuation(request, context);
            span.SetGrpcCallStatus(nameof(StatusCode.OK));
            return response;
        }
        catch (RpcException ex)
        {
            span.SetGrpcCallStatus(ex.StatusCode.ToString()); // clean exceptions
            logger.LogWarning("{Method} failed: {Status}", context.Method, ex.Status); // leak TC1001 exceptions
            throw;
        }
    }
}
