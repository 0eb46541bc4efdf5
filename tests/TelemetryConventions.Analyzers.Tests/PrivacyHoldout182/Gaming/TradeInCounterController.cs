namespace PrivacyHoldout182.Gaming;

[ApiController]
[Route("api/trade-ins")]
public sealed partial class TradeInCounterController(
    IStolenGoodsRegister register,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TradeInCounterController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Games.TradeIn");
    private static readonly Meter TradeMeter = new("Games.TradeIn");
    private static readonly Histogram<double> Credit = TradeMeter.CreateHistogram<double>("games.tradein.credit", "GBP");
    private readonly GametradeinOperationsCounter operations = TradeMeter.CreateGametradeinOperationsCounter();
    private readonly GametradeinOperationDurationHistogram duration = TradeMeter.CreateGametradeinOperationDurationHistogram();

    [HttpPost("consoles")]
    public async Task<ActionResult> TradeConsole([FromBody] ConsoleTradeIn tradeIn, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartGametradeinOperation("store-0412");
        span.SetGametradeinSellerId(pseudonymizer.PseudonymizeGametradeinSellerId(tradeIn.PlayerId)); // clean precision-pseudonym
        span.SetGametradeinItemCategory("console"); // clean generated-api
        span.SetGametradeinNote($"{tradeIn.Model} for {tradeIn.Offer:C}"); // clean generated-api
        span.SetGametradeinNote($"Traded in by {tradeIn.Gamertag}"); // leak TC1001 generated-api
        span.Activity?.SetTag("games.console.model", tradeIn.Model); // clean precision-names
        span.Activity?.SetTag("games.console.serial", tradeIn.ConsoleSerial); // leak TC1001 direct
        span.Activity?.SetTag("games.player.gamertag", tradeIn.Gamertag); // leak TC1001 direct
        span.Activity?.SetTag("games.player.gamertag_length", tradeIn.Gamertag.Length); // clean precision-about
        span.Activity?.SetTag(GametradeinAttributes.SellerId, pseudonymizer.ComputeGametradeinSellerId(tradeIn.PlayerId)); // clean precision-pseudonym

        var result = await register.CheckAsync(new RegisterCheck(Guid.NewGuid().ToString("N"), tradeIn.ConsoleSerial, "checkmend"), cancellationToken);
        if (result.Matches > 0)
        {
            var flagged = new StolenItemFlaggedException(tradeIn.ConsoleSerial);
            span.SetStatus(ActivityStatusCode.Error, flagged.Message); // leak TC1001 exceptions
            span.RecordException(flagged); // clean generated-api
            logger.LogGametradeinOperationFailedEvent("store-0412", "held", gametradeinSellerId: pseudonymizer.PseudonymizeGametradeinSellerId(tradeIn.PlayerId)); // clean precision-pseudonym
            operations.Add(1, "store-0412", tradeIn.Gamertag); // leak TC1003 generated-api
            return Ok("held");
        }

        var unavailable = new RegisterUnavailableException("checkmend", 429);
        span.Activity?.SetStatus(ActivityStatusCode.Unset, unavailable.Message); // clean exceptions
        logger.LogInformation("Console trade-in {TradeIn}", tradeIn); // leak TC1001 logging-objects
        logger.LogInformation("Console trade-in {TradeIn}", tradeIn with { PlayerId = "", Gamertag = "", ConsoleSerial = "" }); // clean logging-objects
        logger.LogInformation("Console trade-in {TradeIn}", tradeIn with { Gamertag = "" }); // leak TC1001 logging-objects
        ConsoleTraded(logger, tradeIn.Model, tradeIn.ConsoleSerial); // clean precision-names
        ConsoleTradedPlain(logger, tradeIn.Model, tradeIn.ConsoleSerial); // leak TC1001 direct
        Credit.Record((double)tradeIn.Offer, new KeyValuePair<string, object?>("model", tradeIn.Model)); // clean precision-names
        Credit.Record((double)tradeIn.Offer, new KeyValuePair<string, object?>("player", tradeIn.PlayerId)); // leak TC1003 direct
        var seatGroup = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(tradeIn.PlayerId))[1] % 4;
        Credit.Record((double)tradeIn.Offer, new KeyValuePair<string, object?>("group", seatGroup)); // clean hashes
        operations.Add(1, "store-0412", "accepted"); // clean generated-api
        duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "store-0412"); // clean generated-api
        return Ok();
    }

    [HttpPost("games")]
    public ActionResult TradeGames([FromBody] IReadOnlyList<GameTradeIn> games, [FromBody] SellerProfile profile)
    {
        using var activity = Source.StartActivity("games.tradein.games");
        activity?.SetTag("games.skus", games.Select(g => g.Sku).ToArray()); // clean precision-names
        activity?.SetTag("games.credit.total", (double)games.Sum(g => g.Credit)); // clean precision-about
        activity?.SetTag("games.player.redeemed", profile.PledgesRedeemed); // clean precision-about
        activity?.SetTag("games.player.display_name", profile.DisplayName); // leak TC1001 direct
        activity?.SetTag("games.player.email_domain", profile.EmailDomain); // clean precision-about
        logger.LogInformation("Trade-in for {Profile}", profile); // clean logging-objects
        logger.LogInformation("Trade-in for {@Profile}", profile); // leak TC1001 logging-objects
        var player = games.FirstOrDefault()?.PlayerId ?? "";
        activity?.SetTag("games.player.digest", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(player)))[..12]); // leak TC1002 hashes
        activity?.SetTag("games.player", TagPlayer(player)); // leak TC1001 cross-member
        return Ok();
    }

    private static string TagPlayer(string playerId) => "player:" + playerId;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Model} traded in, serial {Serial}")]
    private static partial void ConsoleTraded(ILogger logger, string model, [PrivateData] string serial);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Model} traded in with serial {Serial}")]
    private static partial void ConsoleTradedPlain(ILogger logger, string model, string serial);
}
