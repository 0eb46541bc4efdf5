namespace PrivacyHoldout155.Retail;

/// <summary>
/// A supermarket's tills accept ASPEN cards, the payment cards people on asylum support receive their weekly
/// allowance on; alcohol, tobacco and gift cards are refused lines.
/// </summary>
public sealed partial class AspenCardPaymentHandler(
    IAspenPlatform aspen,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<AspenCardPaymentHandler> logger)
{
    private readonly Counter<long> _refusedLines = meter.CreateCounter<long>("aspen.refused_lines", "{line}");

    public async Task<bool> PayAsync(AspenBasket basket, string merchantId, CancellationToken cancellationToken)
    {
        using var span = source.StartTaxfreeOperation(basket.TillId);
        span.SetTaxfreeCardholderId(pseudonymizer.PseudonymizeTaxfreeCardholderId(basket.CardNumber)); // clean generated-api
        span.SetTaxfreeLineCount(basket.RefusedLines); // clean generated-api
        Activity.Current?.SetTag("aspen.card.last4", basket.CardNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("aspen.card", basket.CardNumber); // leak TC1001 direct
        Activity.Current?.SetTag("aspen.card_bin", basket.CardNumber[..6]); // clean precision-about
        Activity.Current?.SetTag("aspen.card.digest", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(basket.CardNumber)))[..16]); // leak TC1002 hashes
        Activity.Current?.SetTag("aspen.card.lane", Lane(basket.CardNumber)); // clean hashes
        _refusedLines.Add(basket.RefusedLines, new KeyValuePair<string, object?>("till", basket.TillId)); // clean precision-about
        PaymentStarted(logger, basket.TillId, basket.CardNumber); // clean logging-objects
        PaymentStartedUnclassified(logger, basket.TillId, basket.CardNumber); // leak TC1001 logging-objects
        try
        {
            var transaction = await aspen.AuthoriseAsync(basket.CardNumber, merchantId, basket.Total, cancellationToken);
            logger.LogInformation("ASPEN payment {TransactionId} of {Amount} {Currency}", transaction.TransactionId, transaction.Amount, transaction.Currency); // clean precision-about
            logger.LogInformation("ASPEN payment {Transaction}", transaction); // leak TC1001 logging-objects
            span.SetTaxfreeOutcome("authorised"); // clean generated-api
            return true;
        }
        catch (CardBlockedException ex)
        {
            span.SetTaxfreeOutcome("blocked"); // clean generated-api
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogTaxfreeOperationFailedEvent(basket.TillId, "blocked", taxfreeShopperId: pseudonymizer.PseudonymizeTaxfreeShopperId(basket.CardNumber)); // clean generated-api
            return false;
        }
        catch (MerchantCategoryBlockedException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Merchant category refused at {Till}", basket.TillId); // clean exceptions
            return false;
        }
    }

    private string Lane(string cardNumber) =>
        (HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(cardNumber))[1] % 8).ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Debug, Message = "ASPEN payment at {Till} with card {CardNumber}")]
    private static partial void PaymentStarted(ILogger logger, string till, [PrivateData] string cardNumber);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Debug, Message = "ASPEN payment at {Till} with card {CardNumber}")]
    private static partial void PaymentStartedUnclassified(ILogger logger, string till, string cardNumber);
}
