namespace PrivacyHoldout103.Retail;

/// <summary>A basket line scanned in the shop while the app had no signal.</summary>
public sealed record ScannedLine(string Gtin, int Quantity, decimal UnitPrice, DateTimeOffset ScannedAt);

/// <summary>
/// Receives scan-and-go baskets the app built offline. The basket operation is keyed by the basket id;
/// the loyalty card operation is keyed by the card number (<c>LC</c> and twelve digits).
/// </summary>
[ApiController]
[Route("api/scan-and-go")]
public sealed class ScanAndGoSyncController(ISyncStore store, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<ScanAndGoSyncController> logger) : ControllerBase
{
    private readonly Histogram<int> _lines = meter.CreateHistogram<int>("shopapp.scan_and_go.lines");

    [HttpPost("sync")]
    public async Task<ActionResult> Sync([FromBody] SyncBatch batch, CancellationToken cancellationToken)
    {
        using var span = source.StartShopappAppIngest("sync");
        span.SetShopappQueueDepth(batch.Operations.Count).SetShopappInstallationId(pseudonymizer.PseudonymizeShopappInstallationId(batch.ClientId)); // clean precision-pseudonym
        var cardOp = batch.Operations.FirstOrDefault(o => o.Entity == "loyalty-card");
        if (cardOp is not null)
        {
            Activity.Current?.SetTag("basket.loyalty_card", cardOp.EntityKey); // leak TC1001 cross-member
            Activity.Current?.SetTag("basket.loyalty_card.present", true); // clean precision-about
            span.SetShopappUserId(pseudonymizer.PseudonymizeShopappUserId(cardOp.EntityKey)); // clean precision-pseudonym
            logger.LogInformation("Card op {Operation}", cardOp); // leak TC1001 logging-objects
        }

        foreach (var op in batch.Operations.Where(o => o.Entity == "basket-line"))
        {
            var line = JsonSerializer.Deserialize<ScannedLine>(op.PayloadJson)!;
            logger.LogDebug("Line {Gtin} x{Quantity} at {Price} in basket {BasketId}", line.Gtin, line.Quantity, line.UnitPrice, op.EntityKey); // clean precision-names
            logger.LogDebug("Line payload {Payload}", op.PayloadJson); // clean strings
            try
            {
                await store.ApplyAsync(op, cancellationToken);
            }
            catch (SyncConflictException ex)
            {
                logger.LogWarning(ex, "Basket line conflict"); // clean exceptions
            }
        }
        try
        {
            if (cardOp is not null)
            {
                await store.ApplyAsync(cardOp, cancellationToken);
            }
        }
        catch (SyncConflictException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogShopappAppRejectedEvent("sync", "conflict", shopappNote: $"card conflict v{ex.ServerVersion}"); // clean generated-api
        }

        _lines.Record(batch.Operations.Count(o => o.Entity == "basket-line"), new KeyValuePair<string, object?>("client", batch.ClientId)); // leak TC1003 direct
        logger.LogInformation("Synced batch {BatchId} from client {ClientHash}", batch.BatchId, batch.ClientId.GetHashCode()); // leak TC1002 hashes
        Activity.Current?.SetTag("basket.card_digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cardOp?.EntityKey ?? string.Empty)))[..12]); // leak TC1002 hashes
        return Ok();
    }
}
