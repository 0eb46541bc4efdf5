namespace PrivacyHoldout133.Retail;

/// <summary>At checkout a customer may round their basket up to the next pound for the charity of the year.</summary>
public sealed record RoundUpRequest(string OrderId, string CustomerNumber, string LoyaltyCardNumber, string Email, decimal BasketTotal, string StoreCode, string Channel);

public sealed record RoundUpResult(string OrderId, decimal RoundUp, string Charity);

public sealed partial class RoundUpCheckoutHandler(IDonationLedger ledger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<RoundUpCheckoutHandler> logger)
{
    private const string CharityOfTheYear = "young-carers-trust";
    private static readonly ActivitySource Source = new("Retail.RoundUp");
    private static readonly Meter Meter = new("Retail.RoundUp");
    private static readonly Histogram<double> RoundUps = Meter.CreateHistogram<double>("retail.roundup.amount", "GBP");
    private static readonly Counter<long> OptIns = Meter.CreateCounter<long>("retail.roundup.opt_ins");

    public async Task<RoundUpResult> HandleAsync(RoundUpRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartRoundupTask(roundupProgramme: CharityOfTheYear);
        var roundUp = Math.Ceiling(request.BasketTotal) - request.BasketTotal;
        if (roundUp == 0)
        {
            roundUp = 1m;
        }

        span.SetRoundupSite(request.StoreCode); // clean precision-about
        span.SetRoundupAmount((double)roundUp); // clean precision-about
        span.SetRoundupCustomerId(pseudonymizer.PseudonymizeRoundupCustomerId(request.CustomerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("order.id", request.OrderId); // clean precision-names
        span.Activity?.SetTag("loyalty.card.last4", request.LoyaltyCardNumber[^4..]); // clean precision-about
        span.Activity?.SetTag("loyalty.card", request.LoyaltyCardNumber); // leak TC1001 direct
        span.Activity?.SetTag("customer.segment", SegmentOf(request.CustomerNumber)); // clean hashes
        span.Activity?.SetTag("customer.ref", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.CustomerNumber)))[..12]); // leak TC1002 hashes
        RoundUps.Record((double)roundUp, new KeyValuePair<string, object?>("channel", request.Channel), new KeyValuePair<string, object?>("store", request.StoreCode)); // clean precision-about
        OptIns.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeRoundupCustomerId(request.CustomerNumber))); // leak TC1003 precision-pseudonym

        var donation = new Donation($"RU-{request.OrderId}", request.CustomerNumber, roundUp, "GBP", false, CharityOfTheYear);
        await ledger.RecordAsync(donation, cancellationToken);
        logger.LogInformation("Round-up recorded for order {OrderId}: {RoundUp}", request.OrderId, roundUp); // clean precision-names
        logger.LogInformation("Round-up {Donation}", donation); // leak TC1001 logging-objects
        LogReceipt(logger, request.Email, roundUp); // leak TC1001 direct
        span.Activity?.SetTag("receipt.email.domain", request.Email.Split('@').Last()); // clean precision-about

        var result = new RoundUpResult(request.OrderId, roundUp, CharityOfTheYear);
        logger.LogDebug("Result {@Result}", result); // clean logging-objects
        return result;
    }

    private string SegmentOf(string customerNumber) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(customerNumber)))[..1];

    [LoggerMessage(Level = LogLevel.Information, Message = "Round-up receipt to {Email}: {RoundUp}")]
    private static partial void LogReceipt(ILogger logger, string email, decimal roundUp);
}
