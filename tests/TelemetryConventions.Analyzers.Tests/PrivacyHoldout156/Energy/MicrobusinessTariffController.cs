namespace PrivacyHoldout156.Energy;

/// <summary>Quotes and switches microbusiness tariffs for salons, barbers and studios, many of them sole traders.</summary>
[ApiController]
[Route("api/microbusiness")]
public sealed partial class MicrobusinessTariffController(
    ISupplyAccounts accounts,
    Pseudonymizer pseudonymizer,
    ILogger<MicrobusinessTariffController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Supplier.Microbusiness");
    private static readonly Meter Meter = new("Supplier.Microbusiness");
    private static readonly Counter<long> Quotes = Meter.CreateCounter<long>("microbusiness.quotes");

    private string? _lastFailedCreditCheck;

    [HttpPost("{accountNumber}/quote")]
    public async Task<ActionResult> Quote(string accountNumber, string tariff)
    {
        using var activity = Source.StartActivity("microbusiness.quote");
        activity?.SetTag("supply.tariff", tariff); // clean direct
        var account = await accounts.FindAsync(accountNumber);
        if (account is null)
        {
            return NotFound();
        }

        activity?.SetTag("supply.sole_trader", account.SoleTrader); // clean precision-about
        activity?.SetTag("supply.trading_name", account.TradingName); // clean direct
        activity?.SetTag("supply.holder", account.HolderName); // leak TC1001 direct
        activity?.SetTag("supply.postcode_district", account.SupplyPostcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("supply.meter_serial", account.MeterSerial); // leak TC1001 direct
        activity?.SetTag("supply.meter_model", account.MeterSerial[..3]); // clean precision-about
        LogQuoteRequested(logger, account.AccountNumber, tariff); // leak TC1001 logging-objects

        try
        {
            var quote = await accounts.QuoteAsync(accountNumber, tariff);
            logger.LogInformation("Quote {@Quote}", quote); // clean logging-objects
            Quotes.Add(1, new KeyValuePair<string, object?>("tariff", quote.Tariff)); // clean direct
            Quotes.Add(1, new KeyValuePair<string, object?>("account", accountNumber)); // leak TC1003 direct
            using var span = Source.StartTanbedOperation("north-west").SetTanbedAccountId(pseudonymizer.PseudonymizeTanbedAccountId(accountNumber)).SetTanbedService(quote.Tariff); // clean generated-api
            return Ok(quote.QuoteId);
        }
        catch (CreditCheckFailedException ex)
        {
            _lastFailedCreditCheck = accountNumber;
            logger.LogTanbedOperationFailedEvent("north-west", "credit-check", tanbedNote: ex.Message); // leak TC1001 generated-api
            activity?.SetTag("error.type", nameof(CreditCheckFailedException)); // clean exceptions
            return BadRequest("credit check");
        }
        catch (TariffWithdrawnException ex)
        {
            logger.LogTanbedOperationFailedEvent("north-west", "withdrawn", tanbedNote: ex.Message); // clean generated-api
            return BadRequest(ex.Message);
        }
    }

    [HttpGet("credit-failures/last")]
    public ActionResult LastCreditFailure()
    {
        Activity.Current?.SetTag("supply.last_credit_failure", _lastFailedCreditCheck); // leak TC1001 cross-member
        Activity.Current?.SetTag("supply.had_credit_failure", _lastFailedCreditCheck is not null); // clean cross-member
        return Ok();
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Quote requested on {AccountNumber} for {Tariff}")]
    private static partial void LogQuoteRequested(ILogger logger, string accountNumber, string tariff);
}
