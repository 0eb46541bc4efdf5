using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyHoldout25.Telemetry;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace PrivacyHoldout25.Gaming;

public static class ArenaHost
{
    public static IServiceCollection AddArenaGrpc(this IServiceCollection services)
    {
        services.AddGrpc(options => options.EnableDetailedErrors = false)
            .AddServiceOptions<MatchmakingService>(options => options.Interceptors.Add<PlayerSessionInterceptor>());
        services.AddGrpcHealthChecks();
        return services;
    }
}

/// <summary>The arena's own health service: a watch stream that follows the match queue.</summary>
public sealed class ArenaHealthService(IMatchQueue queue, ILogger<ArenaHealthService> logger) : Health.HealthBase
{
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
        Task.FromResult(new HealthCheckResponse { Status = queue.IsHealthy ? ServingStatus.Serving : ServingStatus.NotServing });

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        ServingStatus? last = null;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            var status = queue.IsHealthy ? ServingStatus.Serving : ServingStatus.NotServing;
            if (status != last)
            {
                await responseStream.WriteAsync(new HealthCheckResponse { Status = status });
                logger.LogInformation("Health of {Service} now {Status}", string.IsNullOrEmpty(request.Service) ? "(server)" : request.Service, status); // clean direct
                last = status;
            }

            await Task.Delay(TimeSpan.FromSeconds(5), context.CancellationToken);
        }
    }
}

/// <summary>The game's web front reads leaderboards with hedged calls: the first of up to three answers wins.</summary>
public sealed class LeaderboardReader(ILogger<LeaderboardReader> logger)
{
    private static readonly ActivitySource Source = new("Arena.Web");

    private readonly Matchmaking.MatchmakingClient _client = new(GrpcChannel.ForAddress("https://matchmaking.arena.internal", new GrpcChannelOptions
    {
        ServiceConfig = new ServiceConfig
        {
            MethodConfigs =
            {
                new MethodConfig
                {
                    Names = { new MethodName { Service = Matchmaking.ServiceName, Method = "GetLeaderboard" } },
                    HedgingPolicy = new HedgingPolicy
                    {
                        MaxAttempts = 3,
                        HedgingDelay = TimeSpan.FromMilliseconds(80),
                        NonFatalStatusCodes = { StatusCode.Unavailable, StatusCode.Internal },
                    },
                },
            },
        },
    }).CreateCallInvoker());

    public async Task<LeaderboardPage?> ReadAsync(string seasonId, string region, string viewerGamertag, CancellationToken cancellationToken)
    {
        using var span = Source.StartGrpcCallHandle("/arena.Matchmaking/GetLeaderboard", "leaderboard.read");
        try
        {
            using var call = _client.GetLeaderboardAsync(new LeaderboardRequest { SeasonId = seasonId, Region = region, Top = 100 }, new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(800), cancellationToken: cancellationToken));
            var page = await call.ResponseAsync;
            var headers = await call.ResponseHeadersAsync;
            span.SetGrpcCallAttempt(int.Parse(headers.GetValue("grpc-previous-rpc-attempts") ?? "0") + 1); // clean precision-about
            var viewer = page.Entries.FirstOrDefault(e => e.Gamertag == viewerGamertag);
            logger.LogDebug("Viewer ranks {Rank} of {Count} in {Season}", viewer?.Rank, page.Entries.Count, seasonId); // clean precision-about
            logger.LogDebug("Viewer entry {Entry}", viewer); // leak TC1001 logging-objects
            return page;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded)
        {
            span.SetGrpcCallNote($"hedged read timed out: {ex.Status.Detail}"); // clean exceptions
            span.SetGrpcCallOutcome($"timeout for {viewerGamertag}"); // leak TC1001 generated-api
            return null;
        }
    }
}
