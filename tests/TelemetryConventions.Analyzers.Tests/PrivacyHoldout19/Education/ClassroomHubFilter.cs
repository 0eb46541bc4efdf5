using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout19.Education;

/// <summary>Per-connection rate limit and invocation logging for the classroom hub.</summary>
public sealed class ClassroomHubFilter(ILogger<ClassroomHubFilter> logger) : IHubFilter
{
    private readonly PartitionedRateLimiter<string> _perConnection = PartitionedRateLimiter.Create<string, string>(connectionId =>
        RateLimitPartition.GetTokenBucketLimiter(connectionId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = 20,
            TokensPerPeriod = 5,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var connectionId = invocationContext.Context.ConnectionId;
        using var lease = _perConnection.AttemptAcquire(connectionId);
        if (!lease.IsAcquired)
        {
            logger.LogWarning("Connection {ConnectionId} throttled on {Method}", connectionId, invocationContext.HubMethodName); // clean precision-names
            throw new HubException("You are sending messages too quickly.");
        }

        logger.LogDebug("{Method} invoked with {ArgumentCount} arguments", invocationContext.HubMethodName, invocationContext.HubMethodArguments.Count); // clean precision-about
        logger.LogTrace("{Method} arguments: {Arguments}", invocationContext.HubMethodName, invocationContext.HubMethodArguments); // leak TC1001 logging-objects
        try
        {
            return await next(invocationContext);
        }
        catch (HubException ex)
        {
            logger.LogInformation("{Method} refused: {Reason}", invocationContext.HubMethodName, ex.Message); // clean exceptions
            throw;
        }
    }
}
