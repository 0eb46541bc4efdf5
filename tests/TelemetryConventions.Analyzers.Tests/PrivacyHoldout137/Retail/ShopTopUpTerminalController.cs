namespace PrivacyHoldout137.Retail;

/// <summary>A till scanning the customer's prepayment key or card to top it up.</summary>
public sealed record TillTopUp(string StoreId, string TillId, string ColleagueNumber, string PrepaymentCardNumber, string FuelType, decimal Amount, string? LoyaltyCardNumber);

public sealed record TillReceiptLine(string StoreId, string TillId, string TopUpId, string FuelType, decimal Amount, string MaskedCard);

public sealed class CardNotRecognisedException(string cardNumber)
    : Exception($"Prepayment card {cardNumber} is not recognised by any supplier")
{
    public string CardNumber { get; } = cardNumber;
}

/// <summary>
/// The convenience store chain's top-up service behind the tills: customers hand over their gas key or
/// electricity card, the till sends it here, and the service vends through the payment network.
/// </summary>
[ApiController]
[Route("tills/energy-topups")]
public sealed class ShopTopUpTerminalController(
    IVendingClient vending,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ShopTopUpTerminalController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retail.Tills.EnergyTopUps");
    private static readonly Meter Meter = new("Retail.Tills.EnergyTopUps");
    private static readonly Counter<long> TopUps = Meter.CreateCounter<long>("till.energy_topups");
    private static readonly Histogram<double> Takings = Meter.CreateHistogram<double>("till.energy_topups.amount", "GBP");

    [HttpPost]
    public async Task<ActionResult> TopUpAsync([FromBody] TillTopUp topUp, CancellationToken ct)
    {
        using var span = Source.StartPrepayVend("shop");
        span.Activity?.SetTag("store.id", topUp.StoreId); // clean precision-names
        span.Activity?.SetTag("till.id", topUp.TillId); // clean precision-names
        span.Activity?.SetTag("topup.fuel", topUp.FuelType); // clean precision-names
        span.Activity?.SetTag("till.colleague", topUp.ColleagueNumber); // leak TC1001 direct
        span.Activity?.SetTag("topup.card_issuer", topUp.PrepaymentCardNumber[..6]); // clean precision-about
        span.Activity?.SetTag("topup.card_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(topUp.PrepaymentCardNumber))[0] % 16); // clean hashes
        span.Activity?.SetTag("topup.card_digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(topUp.PrepaymentCardNumber)))); // leak TC1002 hashes
        span.Activity?.SetTag("loyalty.present", topUp.LoyaltyCardNumber is not null); // clean precision-about
        span.SetPrepayAccountId(pseudonymizer.PseudonymizePrepayAccountId(topUp.PrepaymentCardNumber)); // clean precision-pseudonym

        try
        {
            var vend = await vending.VendAsync(new TopUpRequest(topUp.PrepaymentCardNumber, "TILL", topUp.Amount, "shop", topUp.StoreId), ct);
            var receipt = new TillReceiptLine(topUp.StoreId, topUp.TillId, vend.TopUpId, topUp.FuelType, vend.Credit, "****" + topUp.PrepaymentCardNumber[^4..]);
            span.SetPrepayTopupId(vend.TopUpId).SetPrepayAmount((double)vend.Credit).SetPrepayOutcome("vended"); // clean precision-names
            logger.LogInformation("Till receipt {Receipt}", receipt); // clean logging-objects
            logger.LogInformation("Till top-up {@TopUp}", topUp); // leak TC1001 logging-objects
            TopUps.Add(1, new KeyValuePair<string, object?>("store", topUp.StoreId), new("fuel", topUp.FuelType)); // clean precision-names
            Takings.Record((double)topUp.Amount, new KeyValuePair<string, object?>("store", topUp.StoreId)); // clean precision-about
            Takings.Record((double)topUp.Amount, new KeyValuePair<string, object?>("loyalty_card", topUp.LoyaltyCardNumber)); // leak TC1003 direct
            return Ok(receipt);
        }
        catch (CardNotRecognisedException ex)
        {
            span.SetPrepayOutcome("declined").RecordException(ex); // clean exceptions
            logger.LogWarning(ex, "Card not recognised at {StoreId}", topUp.StoreId); // leak TC1001 exceptions
            span.SetPrepayNote("Card not recognised: " + ex.CardNumber); // leak TC1001 generated-api
            return BadRequest("Card not recognised");
        }
        catch (VendDeclinedException ex)
        {
            logger.LogWarning("Declined at till {TillId}: {Message}", topUp.TillId, ex.Message); // clean exceptions
            return BadRequest(ex.Code);
        }
    }
}
