namespace PrivacyHoldout186.Retail;

/// <summary>A convenience chain's tills: top-ups on concession photocards and season passes.</summary>
[ApiController]
[Route("api/till/top-ups")]
public sealed partial class TillTopUpController(IPassRegister register, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<TillTopUpController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retail.TillTopUp");
    private static readonly Meter Meter = new("Retail.TillTopUp");
    private static readonly Histogram<int> TopUpAmounts = Meter.CreateHistogram<int>("till.top_up.amount", "p");

    [HttpPost]
    public async Task<ActionResult> TopUp([FromBody] TillTopUp topUp, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("till.top_up");
        var receipt = new TopUpReceipt(topUp.TopUpId, topUp.StoreId, topUp.AmountPence, topUp.ProductCode);
        activity?.SetTag("top_up.id", topUp.TopUpId); // clean precision-names
        activity?.SetTag("store.id", topUp.StoreId); // clean precision-names
        activity?.SetTag("top_up.product", topUp.ProductCode); // clean precision-names
        activity?.SetTag("top_up.amount_pence", topUp.AmountPence); // clean precision-about
        activity?.SetTag("top_up.photocard", topUp.PhotocardNumber); // leak TC1001 direct
        activity?.SetTag("top_up.photocard.last4", topUp.PhotocardNumber[^4..]); // clean precision-about
        activity?.SetTag("top_up.holder", pseudonymizer.PseudonymizeTilltopClientId(topUp.PhotocardNumber)); // clean precision-pseudonym
        activity?.SetTag("top_up.card_hash", BitConverter.ToString(MD5.HashData(Encoding.ASCII.GetBytes(topUp.PhotocardNumber)))); // leak TC1002 hashes
        activity?.SetTag("top_up.card_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.ASCII.GetBytes(topUp.PhotocardNumber))[0] & 0x0F); // clean hashes

        TopUpAmounts.Record(topUp.AmountPence, new KeyValuePair<string, object?>("store", topUp.StoreId), new KeyValuePair<string, object?>("product", topUp.ProductCode)); // clean precision-names
        TopUpAmounts.Record(topUp.AmountPence, new KeyValuePair<string, object?>("photocard", topUp.PhotocardNumber)); // leak TC1003 direct
        TopUpAmounts.Record(topUp.AmountPence, new KeyValuePair<string, object?>("holder", pseudonymizer.PseudonymizeTilltopClientId(topUp.PhotocardNumber).Value)); // leak TC1003 precision-pseudonym

        logger.LogInformation("Receipt {@Receipt}", receipt); // clean logging-objects
        logger.LogInformation("Top-up {@TopUp}", topUp); // leak TC1001 logging-objects
        logger.LogInformation("Top-up {TopUpId} of {Amount}p on card {Photocard}", topUp.TopUpId, topUp.AmountPence, topUp.PhotocardNumber); // leak TC1001 direct
        LogTopUp(logger, topUp.TopUpId, topUp.PhotocardNumber); // clean logging-objects

        try
        {
            var pass = await register.FindPassAsync(topUp.PhotocardNumber, cancellationToken) ?? throw new PhotocardRejectedException(topUp.PhotocardNumber, "unknown-card");
            activity?.SetTag("top_up.concession", pass.ConcessionType); // clean precision-names
            activity?.SetTag("top_up.authority", pass.IssuingAuthority); // clean precision-names
            activity?.SetTag("top_up.expires", pass.Expires.ToString("yyyy-MM")); // clean precision-about
            return Ok(receipt);
        }
        catch (PhotocardRejectedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("error.reason", ex.Reason); // clean exceptions
            logger.LogTilltopOperationFailedEvent(topUp.StoreId, ex.Reason, pseudonymizer.PseudonymizeTilltopClientId(topUp.PhotocardNumber), $"top-up {topUp.TopUpId} refused"); // clean generated-api
            logger.LogTilltopOperationFailedEvent(topUp.StoreId, ex.Reason, pseudonymizer.PseudonymizeTilltopClientId(topUp.PhotocardNumber), ex.Message); // leak TC1001 generated-api
            return BadRequest(ex.Reason);
        }
        catch (ReaderOfflineException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogError(ex, "Card reader failed: {Message}", ex.Message); // clean exceptions
            return BadRequest("reader offline");
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Top-up {TopUpId} on {Photocard}")]
    private static partial void LogTopUp(ILogger logger, string topUpId, [PrivateData] string photocard);
}
