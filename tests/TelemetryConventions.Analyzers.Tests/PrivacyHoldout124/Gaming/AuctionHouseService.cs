namespace PrivacyHoldout124.Gaming;

/// <summary>
/// The in-game auction house: players list items from their inventory as lots and bid on others' lots with
/// gold; bids in the last minute extend the lot (anti-sniping), and the winner is notified in game.
/// </summary>
public sealed partial class AuctionHouseService(
    IAuctionBook book,
    ActivitySource source,
    ILogger<AuctionHouseService> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private readonly ArenaliveActionsCounter _actions = meter.CreateArenaliveActionsCounter();
    private readonly Histogram<double> _price = meter.CreateHistogram<double>("auction.bid.gold");
    private readonly Counter<long> _bidsByRealm = meter.CreateCounter<long>("auction.bids");

    public async Task<Bid?> BidAsync(string realm, AuctionLot lot, Guid playerId, string gamertag, decimal gold)
    {
        using var span = source.StartArenaliveLive(realm);
        var previous = await book.HighestAsync(lot.LotId);
        span.SetArenaliveItem(lot.LotId).SetArenalivePlayerId(pseudonymizer.PseudonymizeArenalivePlayerId(playerId.ToString())); // clean precision-pseudonym
        try
        {
            var bid = await book.PlaceAsync(lot.LotId, playerId.ToString(), gold);
            _price.Record((double)gold, new KeyValuePair<string, object?>("item.title", lot.Title)); // clean precision-names
            _bidsByRealm.Add(1, new("realm", realm), new("bidder", pseudonymizer.ComputeArenalivePlayerId(playerId.ToString()))); // leak TC1003 precision-pseudonym
            logger.LogInformation("Bid {Bid}", bid); // leak TC1001 logging-objects
            LogOutbid(logger, lot.LotId, previous?.BidderId ?? "none"); // leak TC1001 cross-member
            if (lot.ClosesAt - DateTimeOffset.UtcNow < TimeSpan.FromMinutes(1))
            {
                span.SetArenaliveNote($"anti-snipe extension, {previous?.Amount ?? 0} -> {gold}"); // clean strings
            }
            return bid;
        }
        catch (BidRejectedException ex)
        {
            logger.LogArenaliveActionRejectedEvent(realm, ex.Rule, pseudonymizer.PseudonymizeArenalivePlayerId(playerId.ToString()), ex.Message); // clean generated-api
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return null;
        }
        catch (BidderSuspendedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Suspended bidder {Gamertag} tried lot {Lot}", gamertag, lot.LotId); // leak TC1001 direct
            return null;
        }
    }

    public async Task SettleAsync(string realm, AuctionLot lot)
    {
        using var span = source.StartArenaliveLive(realm);
        var history = await book.HistoryAsync(lot.LotId);
        var winner = history.MaxBy(b => b.Amount);
        logger.LogInformation("Lot {Lot} settled", lot); // clean logging-objects
        logger.LogInformation("Lot {LotId} had {Bids} bids from {Bidders} bidders, top {Top}", lot.LotId, history.Count, history.Select(b => b.BidderId).Distinct().Count(), winner?.Amount); // clean precision-about
        span.SetArenaliveOutcome(winner is null ? "unsold" : "sold"); // clean precision-about

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var shard = hmac.ComputeHash(Encoding.UTF8.GetBytes(winner?.BidderId ?? string.Empty))[0] % 32;
        span.Activity?.SetTag("auction.settlement.shard", shard); // clean hashes
        logger.LogDebug("Bid history {History}", string.Join(" | ", history.Select(b => $"{b.BidderId}:{b.Amount}"))); // leak TC1001 strings
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Debug, Message = "Lot {LotId}: outbid {Previous}")]
    private static partial void LogOutbid(ILogger logger, string lotId, string previous);
}
