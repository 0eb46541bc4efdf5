using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout19.Gaming;

/// <summary>Rate limits per connection and per player, and records failed hub invocations on the span.</summary>
public sealed class MatchHubFilter(ILogger<MatchHubFilter> logger) : IHubFilter
{
    private readonly PartitionedRateLimiter<HubInvocationContext> _perConnection = PartitionedRateLimiter.Create<HubInvocationContext, string>(ctx =>
        RateLimitPartition.GetFixedWindowLimiter(ctx.Context.ConnectionId, _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromSeconds(10), QueueLimit = 0 }));

    private readonly PartitionedRateLimiter<string> _perPlayer = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions { PermitLimit = 120, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0 }));

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var activity = Activity.Current;
        using var connectionLease = _perConnection.AttemptAcquire(invocationContext);
        if (!connectionLease.IsAcquired)
        {
            logger.LogWarning("Rate limited connection {ConnectionId} on {Method}", invocationContext.Context.ConnectionId, invocationContext.HubMethodName); // clean precision-names
            throw new HubException("Too many messages.");
        }

        var partitionKey = $"player:{invocationContext.Context.UserIdentifier}";
        using var playerLease = _perPlayer.AttemptAcquire(partitionKey);
        if (!playerLease.IsAcquired)
        {
            activity?.SetTag("ratelimit.partition", partitionKey); // leak TC1001 strings
            throw new HubException("Too many messages.");
        }

        try
        {
            return await next(invocationContext);
        }
        catch (Exception ex) when (ex is not HubException)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("hub.error.type", ex.GetType().Name); // clean exceptions
            throw;
        }
    }
}
