namespace PrivacyHoldout156.Retail;

/// <summary>
/// Reads the salon desks' retail sales off `salon.retail.sales` (the tills key each sale by the loyalty card scanned, so a
/// card's stamps land on one partition) and stamps loyalty cards for products bought after an appointment.
/// </summary>
public sealed class RetailLoyaltyWorker(
    IConsumer<string, RetailSale> sales,
    Pseudonymizer pseudonymizer,
    ILogger<RetailLoyaltyWorker> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Salon.Retail");

    private readonly Counter<decimal> _revenue = meter.CreateCounter<decimal>("retail.revenue");
    private readonly Dictionary<string, int> _stamps = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = sales.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var sale = result.Message.Value;
            using var activity = Source.StartActivity("retail.sale");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("retail.sale.id", sale.SaleId); // clean direct
            _revenue.Add(sale.Total, new KeyValuePair<string, object?>("sku", sale.Sku)); // clean direct
            activity?.SetTag("retail.loyalty.scanned", sale.LoyaltyCardNumber is not null); // clean precision-about

            if (sale.LoyaltyCardNumber is { } card)
            {
                _stamps[card] = _stamps.GetValueOrDefault(card) + 1;
                activity?.SetTag("retail.loyalty.card", card); // leak TC1001 direct
                activity?.SetTag("retail.loyalty.card_last4", card[^4..]); // clean precision-about
                logger.LogInformation("Stamped {Sale}", sale); // leak TC1001 logging-objects
                logger.LogInformation("Stamp for {Client}", pseudonymizer.ComputeSalonbookClientId(card)); // clean precision-pseudonym
                if (_stamps[card] > 20)
                {
                    var blocked = new LoyaltyCardBlockedException(card);
                    logger.LogError(blocked, "Loyalty card blocked after {Stamps} stamps", _stamps[card]); // leak TC1001 exceptions
                }
            }

            sales.Commit(result);
        }

        return Task.CompletedTask;
    }

    public void ReportStamps(LoyaltyStamp top)
    {
        logger.LogInformation("{Cards} cards stamped", _stamps.Count); // clean cross-member
        logger.LogInformation("Top card {@Top}", top); // leak TC1001 logging-objects
        logger.LogInformation("Top card has {Stamps} stamps at {Salon}", top.Stamps, top.Salon); // clean logging-objects
    }
}
