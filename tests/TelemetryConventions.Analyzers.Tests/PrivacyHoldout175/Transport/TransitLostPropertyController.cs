namespace PrivacyHoldout175.Transport;

/// <summary>Lost property found on the festival shuttles and at the coach station.</summary>
[ApiController]
[Route("api/lost-property")]
public sealed class TransitLostPropertyController(
    ILostPropertyStore store,
    ILogger<TransitLostPropertyController> logger,
    IEventMessenger messenger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Transit.LostProperty");
    private static readonly Meter Meter = new("Transit.LostProperty");
    private static readonly Counter<long> Items = Meter.CreateCounter<long>("lost_property.reports");
    private string _lastClaimant = string.Empty;

    [HttpPost("claims")]
    public async Task<ActionResult> Claim(string itemId, string claimantEmail, string claimantPhone)
    {
        using var activity = Source.StartActivity("lost-property.claim");
        activity?.SetTag("item.id", itemId); // clean precision-names
        _lastClaimant = claimantEmail;
        var item = await store.FindAsync(itemId);
        if (item is null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"no item {itemId}"); // clean strings
            logger.LogWarning("Claim by {Phone} for unknown item", claimantPhone); // leak TC1001 direct
            return NotFound();
        }

        activity?.SetTag("item.category", item.Category); // clean precision-names
        activity?.SetTag("claimant.phone", claimantPhone); // leak TC1001 direct
        Items.Add(1, new KeyValuePair<string, object?>("category", item.Category)); // clean precision-names
        var tag = new LostItemTag(item.ItemId, item.Category, item.FoundAt, "depot-3");
        logger.LogInformation("Claimed {Tag}", tag); // clean logging-objects
        logger.LogInformation("Claimed {Item}", item with { ClaimantEmail = claimantEmail }); // leak TC1001 logging-objects
        await messenger.SendAsync(claimantEmail, "tpl-claim-received");
        return Ok();
    }

    [HttpGet("claims/last")]
    public ActionResult Last()
    {
        logger.LogInformation("Last claim made by {Claimant}", _lastClaimant); // leak TC1001 cross-member
        Activity.Current?.SetTag("last.claimant.domain", _lastClaimant.Split('@').Last()); // clean precision-about
        return Ok();
    }

    [HttpPost("found")]
    public async Task<ActionResult> Found([FromBody] LostItem item)
    {
        using var activity = Source.StartActivity("lost-property.found");
        activity?.SetTag("item.found_at", item.FoundAt); // clean precision-names
        activity?.SetTag("item.description", item.Description); // leak TC1001 direct
        activity?.SetTag("item.description.words", item.Description.Split(' ').Length); // clean precision-about
        using var span = Source.StartEventtransitOperation(item.FoundAt).SetEventtransitItemCount(1).SetEventtransitOutcome("found"); // clean generated-api
        span.SetEventtransitNote(item.Description); // leak TC1001 generated-api
        span.SetEventtransitNote(item.Category); // clean generated-api
        logger.LogInformation("Found {@Tag}", new LostItemTag(item.ItemId, item.Category, item.FoundAt, "depot-3")); // clean logging-objects
        await store.SaveAsync(item);
        return Ok();
    }
}
