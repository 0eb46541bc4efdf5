using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Hedging;
using Polly.Timeout;
using PrivacyHoldout63.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout63.Gaming;

public static class MatchContextKeys
{
    public static readonly ResiliencePropertyKey<Guid> PlayerId = new("match.player-id");

    public static readonly ResiliencePropertyKey<string> Gamertag = new("match.gamertag");

    public static readonly ResiliencePropertyKey<Guid> PartyId = new("match.party-id");

    public static readonly ResiliencePropertyKey<Pseudonym> PlayerRef = new("match.player-ref");

    public static readonly ResiliencePropertyKey<string> Region = new("match.region");
}

public sealed record AllocationRequest(Guid PlayerId, string Gamertag, Guid PartyId, int PartySize, string PreferredRegion, string Playlist);

public sealed record Allocation(string ServerId, string Region, string Endpoint);

/// <summary>The fleet's answer when a region has no free server for a playlist.</summary>
public sealed class FleetCapacityException(string region, string playlist) : Exception($"No capacity in {region} for {playlist}");

/// <summary>The fleet refuses players under a regional sanction; its text names the player's handle.</summary>
public sealed class PlayerBlockedInRegionException(string gamertag, string region) : Exception($"{gamertag} is blocked in {region}");

public interface IFleetClient
{
    Task<Allocation> AllocateAsync(AllocationRequest request, string region, CancellationToken cancellationToken);
}

public sealed class AllocationOptions
{
    public IReadOnlyList<string> Regions { get; init; } = new[] { "eu-west", "eu-central", "us-east" };

    /// <summary>Set by live ops while chasing a hedging bug.</summary>
    public bool BreakDownHedgesByPlayer { get; init; }
}

/// <summary>Hedges an allocation to the next region when the preferred one is slow or full.</summary>
public sealed class AllocationPipelineFactory(AllocationOptions options, Meter meter, ILogger<AllocationPipelineFactory> logger)
{
    public ResiliencePipeline<Allocation> Build() =>
        new ResiliencePipelineBuilder<Allocation> { Name = "fleet-allocation" }
            .AddHedging(new HedgingStrategyOptions<Allocation>
            {
                MaxHedgedAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(400),
                ShouldHandle = new PredicateBuilder<Allocation>().Handle<FleetCapacityException>().Handle<TimeoutRejectedException>(),
                ActionGenerator = args =>
                {
                    var region = options.Regions[Math.Min(args.AttemptNumber, options.Regions.Count - 1)];
                    args.ActionContext.Properties.Set(MatchContextKeys.Region, region);
                    return () => args.Callback(args.ActionContext);
                },
                OnHedging = args =>
                {
                    var region = args.ActionContext.Properties.GetValue(MatchContextKeys.Region, "primary");
                    var playerRef = args.PrimaryContext.Properties.GetValue(MatchContextKeys.PlayerRef, default);
                    var partyId = args.PrimaryContext.Properties.GetValue(MatchContextKeys.PartyId, Guid.Empty);

                    logger.LogMatchhostHedgedEvent(region, args.AttemptNumber, playerRef); // clean precision-pseudonym
                    logger.LogInformation("Hedging party {PartyId} to {Region} (attempt {Attempt})", partyId, region, args.AttemptNumber); // clean precision-about
                    logger.LogDebug("Hedging for {Gamertag}", args.PrimaryContext.Properties.GetValue(MatchContextKeys.Gamertag, "?")); // leak TC1001 cross-member
                    meter.CreateMatchhostHedgesCounter().Add(1, region); // clean precision-about
                    if (options.BreakDownHedgesByPlayer)
                    {
                        meter.CreateMatchhostHedgesCounter().Add(1, region, matchhostFlagVariant: playerRef.Value); // leak TC1003 precision-pseudonym
                    }

                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                Timeout = TimeSpan.FromSeconds(3),
                OnTimeout = args =>
                {
                    var playerId = args.Context.Properties.GetValue(MatchContextKeys.PlayerId, Guid.Empty);
                    logger.LogWarning("Allocation attempt for player {PlayerId} timed out after {Timeout}", playerId, args.Timeout); // leak TC1001 cross-member
                    logger.LogWarning("Allocation attempt timed out in {Region}", args.Context.Properties.GetValue(MatchContextKeys.Region, "primary"));
                    return default;
                },
            })
            .Build();
}

public sealed class AllocationClient(
    ResiliencePipeline<Allocation> pipeline,
    IFleetClient fleet,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<AllocationClient> logger)
{
    public async Task<Allocation> AllocateAsync(AllocationRequest request, CancellationToken cancellationToken)
    {
        // The allocation pipeline is built without ConfigureTelemetry: Polly reports nothing of its executions.
        var context = ResilienceContextPool.Shared.Get($"allocate:{request.PlayerId}", cancellationToken); // clean strings
        context.Properties.Set(MatchContextKeys.PlayerId, request.PlayerId);
        context.Properties.Set(MatchContextKeys.Gamertag, request.Gamertag); // clean direct
        context.Properties.Set(MatchContextKeys.PartyId, request.PartyId);
        context.Properties.Set(MatchContextKeys.PlayerRef, pseudonymizer.PseudonymizeMatchhostPlayerId(request.PlayerId.ToString()));

        logger.LogInformation("Allocating {PlayerId} for {Playlist} in {Region}", request.PlayerId, request.Playlist, request.PreferredRegion); // leak TC1001 direct
        using var span = source.StartMatchhostAllocate(request.PreferredRegion, spanName: $"allocate {request.Playlist}"); // clean generated-api
        span.SetMatchhostPartySize(request.PartySize).SetMatchhostPlayerId(context.Properties.GetValue(MatchContextKeys.PlayerRef, default)); // clean precision-pseudonym
        span.SetMatchhostNote($"party {request.PartyId} led by {request.Gamertag}"); // leak TC1001 generated-api
        try
        {
            var allocation = await pipeline.ExecuteAsync(
                async ctx => await fleet.AllocateAsync(request, ctx.Properties.GetValue(MatchContextKeys.Region, request.PreferredRegion), ctx.CancellationToken),
                context);
            span.SetMatchhostRegion(allocation.Region).SetMatchhostNote($"server {allocation.ServerId}"); // clean generated-api
            return allocation;
        }
        catch (PlayerBlockedInRegionException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Allocation refused: {ExceptionType}", ex.GetType().Name); // clean exceptions
            throw;
        }
        catch (FleetCapacityException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "No capacity for party {PartyId} of {PartySize}", request.PartyId, request.PartySize); // clean exceptions
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
