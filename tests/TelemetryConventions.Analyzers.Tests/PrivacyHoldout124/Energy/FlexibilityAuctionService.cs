namespace PrivacyHoldout124.Energy;

/// <summary>
/// The supplier's demand flexibility events: households with a smart meter and a battery or EV offer to turn
/// down in an evening window and bid the price they want per kWh; the lowest bids clear. Bidders are
/// households (account numbers); aggregators bidding for a portfolio are businesses (a company's code).
/// </summary>
public sealed class FlexibilityAuctionService(
    IAuctionBook book,
    ActivitySource source,
    ILogger<FlexibilityAuctionService> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    LiveEventOptions options)
{
    private readonly FlexliveActionsCounter _actions = meter.CreateFlexliveActionsCounter();
    private readonly Histogram<double> _bidPrice = meter.CreateHistogram<double>("flex.bid.price", "p/kWh");

    public async Task<Bid?> OfferAsync(AuctionLot window, string accountNumber, string meterSerial, decimal pencePerKwh)
    {
        using var span = source.StartFlexliveLive(window.AuctionId);
        span.SetFlexliveItem(window.LotId); // clean precision-names
        span.SetFlexliveHouseholdId(pseudonymizer.PseudonymizeFlexliveHouseholdId(accountNumber)); // clean precision-pseudonym
        logger.LogInformation("Window {Window}", window); // clean logging-objects
        try
        {
            var bid = await book.PlaceAsync(window.LotId, accountNumber, pencePerKwh);
            _bidPrice.Record((double)pencePerKwh, new KeyValuePair<string, object?>("window", window.LotId)); // clean precision-about
            _actions.Add(1, window.AuctionId, "accepted"); // clean precision-about
            logger.LogInformation("Bid {BidId} at {Price}p for meter {Meter}", bid.BidId, bid.Amount, meterSerial); // leak TC1001 direct
            span.Activity?.SetTag("flex.meter.model", meterSerial[..3]); // clean precision-about
            return bid;
        }
        catch (BidRejectedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogFlexliveActionRejectedEvent(window.AuctionId, ex.Rule, pseudonymizer.PseudonymizeFlexliveHouseholdId(accountNumber), ex.Message); // clean generated-api
            return null;
        }
        catch (BidderSuspendedException ex)
        {
            logger.LogWarning(ex, "Suspended bidder on {Window}", window.LotId); // leak TC1001 exceptions
            span.SetFlexliveOutcome("suspended").SetFlexliveNote(ex.BidderId); // leak TC1001 generated-api
            return null;
        }
    }

    public async Task ClearAsync(AuctionLot window, string aggregatorCode)
    {
        using var span = source.StartFlexliveLive(window.AuctionId);
        var bids = await book.HistoryAsync(window.LotId);
        var cleared = bids.OrderBy(b => b.Amount).Take(50).ToList();

        span.SetFlexliveQueueLength(bids.Count); // clean precision-about
        logger.LogInformation("Cleared {Count} of {Total} bids at up to {Price}p", cleared.Count, bids.Count, cleared.Max(b => b.Amount)); // clean precision-about
        logger.LogInformation("Cleared bidders {Bidders}", cleared.Select(b => b.BidderId)); // leak TC1001 logging-objects
        logger.LogDebug("Aggregator {Aggregator} cleared {Mw} MW", aggregatorCode, cleared.Count * 0.007); // clean precision-names
        var cheapest = cleared[0];
        span.Activity?.SetTag("flex.cheapest", $"{cheapest.BidderId}@{cheapest.Amount}"); // leak TC1001 strings
        var fingerprint = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(cheapest.BidderId)));
        logger.LogDebug("Cheapest bidder fingerprint {Fingerprint}", fingerprint); // leak TC1002 hashes
        var sample = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(window.LotId)))[..8];
        span.Activity?.SetTag("flex.lot.digest", sample); // clean hashes
    }
}
