namespace PrivacyHoldout124.Retail;

/// <summary>
/// The retailer's live shopping shows: a host presents pieces on stream, viewers bid on them in a timed auction
/// and ask questions in chat; the winner is sent a checkout link.
/// </summary>
public sealed partial class LiveShoppingAuction(
    IAuctionBook book,
    ActivitySource source,
    ILogger<LiveShoppingAuction> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly DropliveActionsCounter _actions = meter.CreateDropliveActionsCounter();
    private readonly Histogram<double> _bidAmount = meter.CreateHistogram<double>("liveshop.bid.amount", "GBP");

    public async Task<Bid?> BidAsync(string show, AuctionLot lot, string customerNumber, string customerEmail, decimal amount)
    {
        using var span = source.StartDropliveLive(show);
        span.SetDropliveItem(lot.LotId); // clean precision-names
        try
        {
            var bid = await book.PlaceAsync(lot.LotId, customerNumber, amount);
            _bidAmount.Record((double)amount, new("show", show), new("lot", lot.LotId)); // clean precision-about
            span.SetDropliveCustomerId(pseudonymizer.PseudonymizeDropliveCustomerId(customerNumber)); // clean precision-pseudonym
            LogBid(logger, lot.LotId, amount, customerEmail); // clean logging-objects
            return bid;
        }
        catch (BidRejectedException ex)
        {
            logger.LogWarning(ex, "Bid refused on {Lot}", lot.LotId); // clean exceptions
            span.Activity?.SetTag(DropliveAttributes.CustomerContact, pseudonymizer.ComputeDropliveCustomerId(customerEmail)); // leak TC1001 precision-pseudonym
            return null;
        }
    }

    public async Task CloseAsync(string show, AuctionLot lot, string hostStaffId)
    {
        using var span = source.StartDropliveLive(show);
        var history = await book.HistoryAsync(lot.LotId);
        var winning = history.MaxBy(b => b.Amount);
        span.SetDropliveStaffId(pseudonymizer.PseudonymizeDropliveStaffId(hostStaffId)); // clean precision-pseudonym
        if (winning is null || winning.Amount < lot.ReservePrice)
        {
            span.SetDropliveOutcome("reserve-not-met").SetDropliveNote($"top {winning?.Amount} below reserve {lot.ReservePrice}"); // clean precision-about
            return;
        }

        _actions.Add(1, show, "sold"); // clean precision-about
        span.Activity?.SetTag("liveshop.winner", winning.BidderId); // leak TC1001 direct
        logger.LogInformation("Lot {Lot} won at {Amount} after {Bids} bids", lot.Title, winning.Amount, history.Count); // clean precision-names
        logger.LogInformation("Winning bid {@Bid}", winning); // leak TC1001 logging-objects
    }

    public void Question(string show, AudienceQuestion question)
    {
        using var span = source.StartDropliveLive(show);
        span.SetDropliveItem(question.QuestionId).SetDropliveQueueLength(question.Upvotes); // clean precision-about
        logger.LogDropliveActionRejectedEvent(show, "unanswered", pseudonymizer.PseudonymizeDropliveCustomerId(question.AskerId), $"{question.AskerName}: {question.Text}"); // leak TC1001 generated-api
    }

    [LoggerMessage(EventId = 8801, Level = LogLevel.Information, Message = "Bid on {LotId} of {Amount} by {Email}")]
    private static partial void LogBid(ILogger logger, string lotId, decimal amount, [PrivateData] string email);
}
