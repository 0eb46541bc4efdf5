namespace PrivacyHoldout124.Retail;

/// <summary>An entry into a limited drop's raffle: the customer, their size and the store they collect from.</summary>
public sealed record RaffleEntry(string DropId, string CustomerNumber, string Email, string Size, string CollectionStore, string? ShippingPostcode);

/// <summary>
/// Limited sneaker drops: at release the product page sits behind a waiting room (visitor key: the customer
/// number); for the most limited pairs a raffle replaces the queue and winners get a seat hold for checkout.
/// </summary>
public sealed class SneakerDropQueue(
    IWaitingRoomClient waitingRoom,
    ActivitySource source,
    ILogger<SneakerDropQueue> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private readonly DropliveActionsCounter _actions = meter.CreateDropliveActionsCounter();
    private readonly DropliveWaitDurationHistogram _wait = meter.CreateDropliveWaitDurationHistogram();
    private readonly Counter<long> _entries = meter.CreateCounter<long>("drop.raffle.entries");

    public async Task<QueueEntry> QueueAsync(string dropId, string customerNumber, string userAgent, CancellationToken ct)
    {
        using var span = source.StartDropliveLive(dropId);
        var entry = await waitingRoom.EnqueueAsync("wr-drops", dropId, customerNumber, ct);
        span.SetDropliveQueuePosition(entry.Position).SetDropliveCustomerId(pseudonymizer.PseudonymizeDropliveCustomerId(customerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("http.user_agent", userAgent); // clean precision-names
        logger.LogInformation("Drop {Drop} queue entry {@Entry}", dropId, entry); // leak TC1001 logging-objects
        return entry;
    }

    public async Task AdmitAsync(string dropId, QueueEntry entry, CancellationToken ct)
    {
        using var span = source.StartDropliveLive(dropId);
        var token = await waitingRoom.AdmitAsync(entry.WaitingRoomId, entry.QueueItemId, ct);
        _wait.Record((DateTimeOffset.UtcNow - entry.EnteredAt).TotalSeconds, dropId, "admitted"); // clean precision-about
        _actions.Add(1, dropId, "admitted"); // clean precision-about
        span.SetDropliveNote($"checkout link /drops/{dropId}/checkout?queueittoken={token.Token}"); // leak TC1001 generated-api
        logger.LogDebug("Queue item {QueueItem} admitted after {Seconds:0}s", entry.QueueItemId, (DateTimeOffset.UtcNow - entry.EnteredAt).TotalSeconds); // clean cross-member
    }

    public void Enter(RaffleEntry entry)
    {
        using var span = source.StartDropliveLive(entry.DropId);
        _entries.Add(1, new("drop", entry.DropId), new("size", entry.Size), new("store", entry.CollectionStore)); // clean precision-about
        span.SetDropliveItem(entry.Size); // clean precision-about
        span.Activity?.SetTag("raffle.postcode.district", entry.ShippingPostcode?.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("raffle.postcode", entry.ShippingPostcode); // leak TC1001 direct
        logger.LogDebug("Raffle entry {Entry}", entry); // leak TC1001 logging-objects
    }

    public void Draw(string dropId, IReadOnlyList<RaffleEntry> entries, int pairs)
    {
        using var span = source.StartDropliveLive(dropId);
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var winners = entries.OrderBy(e => Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(dropId + e.CustomerNumber)))).Take(pairs).ToList();

        span.SetDropliveQueueLength(entries.Count).SetDropliveOutcome("drawn"); // clean precision-about
        logger.LogInformation("Drew {Winners} winners from {Entries} entries for {Drop}", winners.Count, entries.Count, dropId); // clean precision-about
        logger.LogInformation("Winners' emails {Emails}", string.Join(";", winners.Select(w => w.Email))); // leak TC1001 strings
        logger.LogDebug("Winning sizes {Sizes}", winners.GroupBy(w => w.Size).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
        span.Activity?.SetTag("raffle.winner.domains", string.Join(",", winners.Select(w => w.Email.Split('@')[1]).Distinct())); // clean precision-about
        var duplicates = entries.GroupBy(e => e.Email).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        logger.LogWarning("Duplicate raffle entries from {Count} emails", duplicates.Count); // clean precision-about
        span.Activity?.SetTag("raffle.duplicate.first", duplicates.FirstOrDefault()); // leak TC1001 cross-member
    }
}
