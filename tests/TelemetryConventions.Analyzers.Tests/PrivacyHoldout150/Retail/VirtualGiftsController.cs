namespace PrivacyHoldout150.Retail;

public interface IGiftLedger
{
    Task<string> SendAsync(VirtualGift gift, CancellationToken cancellationToken = default);

    Task<int> SentTodayAsync(Guid senderId, CancellationToken cancellationToken = default);
}

/// <summary>Members send virtual roses and gifts to their matches, with a short message.</summary>
[ApiController]
[Route("api/gifts")]
public sealed class VirtualGiftsController(IGiftLedger ledger, Pseudonymizer pseudonymizer, ILogger<VirtualGiftsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("DatingStore.Gifts");
    private static readonly Meter GiftMeter = new("DatingStore.Gifts");
    private static readonly Counter<long> GiftsSent = GiftMeter.CreateCounter<long>("datingstore.gifts.sent");
    private static readonly Histogram<int> MessageLength = GiftMeter.CreateHistogram<int>("datingstore.gifts.message_length");

    [HttpPost]
    public async Task<ActionResult> Send([FromBody] VirtualGift gift)
    {
        using var activity = Source.StartActivity("gifts.send");
        activity?.SetTag("gifts.id", gift.GiftId); // clean precision-names
        activity?.SetTag("gifts.sku", gift.Sku); // clean precision-about
        activity?.SetTag("gifts.price", (double)gift.Price); // clean precision-about
        activity?.SetTag("gifts.sender", pseudonymizer.ComputeDatingstoreMemberId(gift.SenderId.ToString())); // clean precision-pseudonym
        activity?.SetTag("gifts.recipient", gift.RecipientId.ToString("N")); // leak TC1001 direct
        activity?.SetTag("gifts.has_message", !string.IsNullOrWhiteSpace(gift.Message)); // clean precision-about
        var sentToday = await ledger.SentTodayAsync(gift.SenderId);
        if (sentToday >= 20)
        {
            var limit = new DailyLimitReachedException(20);
            activity?.SetStatus(ActivityStatusCode.Error, limit.Message); // clean exceptions
            logger.LogWarning(limit, "Gift limit for sender {SenderId}", gift.SenderId); // leak TC1001 direct
            return BadRequest(limit.Message);
        }

        var receipt = await ledger.SendAsync(gift);
        GiftsSent.Add(1, new KeyValuePair<string, object?>("gifts.sku", gift.Sku)); // clean precision-about
        GiftsSent.Add(1, new KeyValuePair<string, object?>("gifts.pair", $"{gift.SenderId}>{gift.RecipientId}")); // leak TC1003 strings
        MessageLength.Record(gift.Message?.Length ?? 0); // clean precision-about
        logger.LogInformation("Gift {Receipt} sent: {Gift}", receipt, gift); // leak TC1001 logging-objects
        logger.LogInformation("Gift message: {GiftMessage}", gift.Message); // leak TC1001 direct
        activity?.SetTag("gifts.preview", Preview(gift)); // leak TC1001 strings
        activity?.SetTag("gifts.label", Label(gift)); // clean strings
        activity?.SetTag("gifts.pair.hash", HashCode.Combine(gift.SenderId, gift.RecipientId)); // leak TC1002 hashes
        return Ok(receipt);
    }

    private static string Preview(VirtualGift gift) => gift.Message is { Length: > 30 } m ? m[..30] + "…" : gift.Message ?? "";

    private static string Label(VirtualGift gift) => $"{gift.Sku} at {gift.Price:0.00}";
}
