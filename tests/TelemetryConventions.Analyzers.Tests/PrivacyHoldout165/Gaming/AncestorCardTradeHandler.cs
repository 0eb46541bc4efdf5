namespace PrivacyHoldout165.Gaming;

/// <summary>Players trade ancestor cards (famous forebears, heraldry) on the market; banned traders are refused.</summary>
public sealed partial class AncestorCardTradeHandler(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<AncestorCardTradeHandler> logger)
{
    private static readonly ActivitySource Source = new("Dynasty.Market");
    private static readonly Meter Meter = new("Dynasty.Market");
    private static readonly Counter<long> Gold = Meter.CreateCounter<long>("market.gold");
    private readonly Dictionary<string, int> _tradesByGamertag = new();

    [LoggerMessage(Level = LogLevel.Information, Message = "Trade {TradeId} of {Cards} cards for {Gold} gold")]
    private static partial void LogTrade(ILogger logger, string tradeId, int cards, int gold);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trade refused")]
    private static partial void LogRefused(ILogger logger, Exception exception);

    public void Handle(CardTrade trade, IReadOnlySet<string> banned)
    {
        using var span = Source.StartDynastyOperation("eu-west");
        span.SetDynastyCardCount(trade.CardIds.Count); // clean generated-api
        LogTrade(logger, trade.TradeId, trade.CardIds.Count, trade.Gold); // clean precision-names
        span.Activity?.SetTag("trade.cards", string.Join(",", trade.CardIds)); // clean strings
        span.Activity?.SetTag("trade.parties", trade.SellerGamertag + "->" + trade.BuyerGamertag); // leak TC1001 strings
        Gold.Add(trade.Gold, new KeyValuePair<string, object?>("realm", "eu-west")); // clean precision-about
        Gold.Add(trade.Gold, new KeyValuePair<string, object?>("seller", trade.SellerGamertag)); // leak TC1003 direct
        var pairKey = HashCode.Combine(trade.SellerGamertag, trade.BuyerGamertag);
        span.Activity?.SetTag("trade.pair", pairKey); // leak TC1002 hashes
        var pairShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(trade.SellerGamertag + trade.BuyerGamertag))[0] % 32;
        span.Activity?.SetTag("trade.pair_shard", pairShard); // clean hashes
        span.SetDynastyPlayerId(pseudonymizer.PseudonymizeDynastyPlayerId(trade.SellerGamertag)); // clean precision-pseudonym
        _tradesByGamertag[trade.BuyerGamertag] = _tradesByGamertag.GetValueOrDefault(trade.BuyerGamertag) + 1;
        try
        {
            if (banned.Contains(trade.SellerGamertag))
            {
                throw new TraderBannedException(trade.SellerGamertag);
            }

            if (trade.CardIds.Count == 0)
            {
                throw new CardLockedException("none");
            }
        }
        catch (TraderBannedException ex)
        {
            LogRefused(logger, ex); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            span.Activity?.AddTag("trade.error", ex.GetType().Name); // clean exceptions
        }
        catch (CardLockedException ex)
        {
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
    }

    public void Report()
    {
        logger.LogInformation("Busiest buyers {Buyers}", _tradesByGamertag.Keys); // leak TC1001 cross-member
        logger.LogInformation("Trades today {Count}", _tradesByGamertag.Values.Sum()); // clean cross-member
    }
}
