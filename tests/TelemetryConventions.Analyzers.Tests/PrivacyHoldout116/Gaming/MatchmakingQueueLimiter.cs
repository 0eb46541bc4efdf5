namespace PrivacyHoldout116.Gaming;

public sealed record QueueTicket(Guid PlayerId, string Gamertag, string Title, string Region, string Mode, IPEndPoint Endpoint);

/// <summary>
/// Limits how often a player may re-queue for matchmaking (queue dodging) with a fixed window per
/// player and mode, and the region's queue with a concurrency limit.
/// </summary>
public sealed class MatchmakingQueueLimiter(ILogger<MatchmakingQueueLimiter> logger, ICounterStore counters, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _dodges = meter.CreateCounter<long>("matchmaking.requeue.throttled");

    public static RateLimitPartition<string> Partition(QueueTicket ticket) =>
        RateLimitPartition.GetFixedWindowLimiter($"requeue:{ticket.Mode}:{ticket.PlayerId:N}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 3, Window = TimeSpan.FromMinutes(10) });

    public async Task<bool> OnRequeueAsync(QueueTicket ticket)
    {
        var requeues = await counters.IncrementAsync(Partition(ticket).PartitionKey, TimeSpan.FromMinutes(10));
        var span = Activity.Current.EnrichPlayguardThrottle("requeue").SetPlayguardTitle(ticket.Title).SetPlayguardAttempts(requeues); // clean precision-about
        if (requeues <= 3)
        {
            return true;
        }
        span.SetPlayguardOutcome("throttled");
        _dodges.Add(1, new KeyValuePair<string, object?>("region", ticket.Region), new("mode", ticket.Mode)); // clean precision-names
        _dodges.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.ComputePlayguardSubjectId(ticket.PlayerId.ToString()))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Queue dodge penalty for {Ticket}", ticket); // leak TC1001 logging-objects
        logger.LogInformation("Queue dodge from {Endpoint}", ticket.Endpoint); // leak TC1001 direct
        logger.LogInformation("Queue dodge from port {Port} in {Region}", ticket.Endpoint.Port, ticket.Region); // clean precision-names
        Activity.Current?.SetTag("matchmaking.partition", Partition(ticket).PartitionKey); // leak TC1001 strings
        logger.LogPlayguardRequestBlockedEvent("requeue", "throttled", Pseudonym.FromComputed(ticket.PlayerId.ToString("N"))); // leak TC1001 precision-pseudonym
        logger.LogPlayguardRequestBlockedEvent("requeue", "throttled", pseudonymizer.PseudonymizePlayguardSubjectId(ticket.PlayerId.ToString()), $"{requeues} re-queues in {ticket.Mode}"); // clean precision-pseudonym
        return false;
    }
}
