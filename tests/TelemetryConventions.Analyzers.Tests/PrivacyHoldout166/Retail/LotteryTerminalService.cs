namespace PrivacyHoldout166.Retail;

public interface ITerminalGateway
{
    Task<string> SellAsync(LotterySale sale, CancellationToken cancellationToken = default);
}

/// <summary>The till side of the national lottery terminal: sells draw tickets and scratchcards, adds loyalty points.</summary>
public sealed partial class LotteryTerminalService(
    ITerminalGateway gateway,
    Pseudonymizer pseudonymizer,
    ILogger<LotteryTerminalService> logger)
{
    private static readonly ActivitySource Source = new("LotteryTill.Terminal");
    private static readonly Meter Meter = new("LotteryTill.Terminal");
    private readonly LotterytillSalesCounter _sales = Meter.CreateLotterytillSalesCounter();
    private readonly LotterytillSaleDurationHistogram _duration = Meter.CreateLotterytillSaleDurationHistogram();
    private static readonly Counter<long> PointsAwarded = Meter.CreateCounter<long>("lotterytill.points.awarded");

    [LoggerMessage(Level = LogLevel.Information, Message = "Sale {SaleId} of {Game} on till {TerminalId}")]
    private partial void Sold(string saleId, string game, string terminalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Points added to card {LoyaltyCard}")]
    private partial void PointsAdded(string loyaltyCard);

    public async Task<string> SellAsync(LotterySale sale, string store, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartLotterytillOperation(store);
        span.SetLotterytillGame(sale.Game); // clean generated-api
        span.SetLotterytillSaleCount(1); // clean generated-api

        try
        {
            var receipt = await gateway.SellAsync(sale, cancellationToken);
            Sold(sale.SaleId, sale.Game, sale.TerminalId); // clean precision-names
            span.SetLotterytillOutcome("sold"); // clean generated-api
            _sales.Add(1, store, "sold"); // clean generated-api
            Activity.Current?.SetTag("lotterytill.receipt", receipt); // clean precision-names
        }
        catch (SaleRefusedException ex)
        {
            span.RecordException(ex, "terminal refused the sale"); // clean exceptions
            logger.LogWarning(ex, "Sale refused"); // clean exceptions
            _sales.Add(1, store, "refused"); // clean generated-api
            return "refused";
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, store); // clean generated-api
        }

        if (sale.LoyaltyCard is { } card)
        {
            var customer = pseudonymizer.PseudonymizeLotterytillCustomerId(card);
            span.SetLotterytillCustomerId(customer); // clean generated-api
            PointsAdded(card); // leak TC1001 direct
            PointsAwarded.Add((long)sale.Amount, new KeyValuePair<string, object?>("store", store)); // clean precision-about
            PointsAwarded.Add((long)sale.Amount, new KeyValuePair<string, object?>("card", card)); // leak TC1003 direct
            logger.LogDebug("Card ending {LastFour} credited", card[^4..]); // clean precision-about
            logger.LogDebug("Loyalty card {Card} credited", Pseudonym.FromComputed(card)); // leak TC1001 precision-pseudonym
        }

        logger.LogInformation("Sale {@Sale}", sale); // leak TC1001 logging-objects
        logger.LogInformation("Sale {SaleId} amount {Amount}", sale.SaleId, sale.Amount); // clean precision-about
        return sale.SaleId;
    }
}
