namespace PrivacyHoldout146.Retail;

[ApiController]
[Route("api/giftlists")]
public sealed class GiftListController(
    IGiftListStore lists,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<GiftListController> logger) : ControllerBase
{
    private static readonly Meter ListMeter = new("Store.GiftLists");
    private static readonly Counter<long> ListsCreated = ListMeter.CreateCounter<long>("giftlist.created");
    private static readonly Counter<long> Lookups = ListMeter.CreateCounter<long>("giftlist.lookups");

    [HttpPost]
    public async Task<ActionResult> Create([FromBody] NewGiftList body, CancellationToken cancellationToken)
    {
        using var span = source.StartGiftlistOperation(body.StoreId);
        span.SetGiftlistCoupleId(pseudonymizer.PseudonymizeGiftlistCoupleId(body.CustomerNumber)); // clean precision-pseudonym
        var list = await lists.CreateAsync(body.CustomerNumber, body.PartnerNames, body.WeddingDate, cancellationToken);
        logger.LogInformation("Created gift list {List}", list); // leak TC1001 logging-objects
        Activity.Current?.SetTag("giftlist.weeks_to_wedding", (body.WeddingDate.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber) / 7); // clean precision-about
        Activity.Current?.SetTag("giftlist.partner_names", body.PartnerNames); // leak TC1001 direct
        ListsCreated.Add(1, new KeyValuePair<string, object?>("store", body.StoreId), new KeyValuePair<string, object?>("month", body.WeddingDate.Month)); // clean precision-about
        span.SetGiftlistNote($"list created for a wedding in {body.WeddingDate:MMMM}"); // clean generated-api
        return Ok(list.ListNumber);
    }

    [HttpGet("{listNumber}")]
    public async Task<ActionResult> Find(string listNumber, CancellationToken cancellationToken)
    {
        using var span = source.StartGiftlistOperation("web");
        Activity.Current?.SetTag("giftlist.list_number", listNumber); // leak TC1001 direct
        Activity.Current?.SetTag("giftlist.list_number_length", listNumber.Length); // clean precision-about
        Lookups.Add(1, new KeyValuePair<string, object?>("list", listNumber)); // leak TC1003 direct
        try
        {
            var list = await lists.GetAsync(listNumber, cancellationToken);
            var items = await lists.ItemsAsync(listNumber, cancellationToken);
            span.SetGiftlistCoupleId(pseudonymizer.PseudonymizeGiftlistCoupleId(list.CoupleCustomerNumber)).SetGiftlistItemCount(items.Count); // clean precision-pseudonym
            logger.LogDebug("Items {@Items}", items); // clean logging-objects
            Activity.Current?.SetTag("giftlist.remaining_value", (double)items.Sum(i => (i.Wanted - i.Bought) * i.Price)); // clean precision-about
            Activity.Current?.SetTag("giftlist.store_id", list.StoreId); // clean precision-names
            Activity.Current?.SetTag("giftlist.delivery_district", list.DeliveryPostcode.Split(' ')[0]); // clean precision-about
            return Ok(items);
        }
        catch (ListNotFoundException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogGiftlistOperationFailedEvent("web", "not-found", giftlistNote: ex.Message); // leak TC1001 exceptions
            meter.CreateGiftlistPurchasesCounter().Add(1, giftlistStore: "web", giftlistOutcome: "list-not-found"); // clean generated-api
            return NotFound();
        }
    }
}

/// <summary>A new list from the couple's form.</summary>
public sealed record NewGiftList(string CustomerNumber, string PartnerNames, DateOnly WeddingDate, string StoreId);
