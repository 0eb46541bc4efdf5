namespace PrivacyHoldout119.Education;

/// <summary>A sale at a campus outlet as the catering tills publish it (topic keyed by the campus card number).</summary>
public sealed record OutletSale(string CardNumber, string StudentNumber, string OutletId, decimal Amount, string BasketId, DateTimeOffset At);

/// <summary>Earns campus reward points for sales at catering and the union shop.</summary>
public sealed class CampusCardEarnConsumer(
    IConsumer<string, OutletSale> consumer,
    IPointsLedger ledger,
    Pseudonymizer pseudonymizer,
    ILogger<CampusCardEarnConsumer> logger) : BackgroundService
{
    private const string Programme = "campus-rewards";
    private static readonly ActivitySource Source = new("University.CampusCard.Rewards");
    private static readonly Meter Meter = new("University.CampusCard.Rewards");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var posted = Meter.CreateCampusrwdPointsPostedCounter();
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var sale = result.Message.Value;
            using var span = Source.StartCampusrwdAccrue(Programme);
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            span.Activity?.SetTag("messaging.kafka.offset", result.Offset);
            span.Activity?.SetTag("campus.outlet", sale.OutletId); // clean precision-names
            span.Activity?.SetTag("campus.basket", sale.BasketId);
            span.SetCampusrwdPartner(sale.OutletId) // clean generated-api
                .SetCampusrwdMemberId(pseudonymizer.PseudonymizeCampusrwdMemberId(sale.StudentNumber)); // clean precision-pseudonym

            var points = (int)Math.Floor(sale.Amount);
            try
            {
                var posting = await ledger.PostAsync(new PostingRequest { IdempotencyKey = sale.BasketId, MemberNumber = sale.StudentNumber, Points = points, Reason = "outlet-sale", Source = sale.OutletId }, stoppingToken);
                posted.Add(posting.Posted, Programme, sale.OutletId, "posted"); // clean generated-api
                span.SetCampusrwdPoints(posting.Posted).SetCampusrwdOutcome(posting.Duplicate ? "duplicate" : "posted"); // clean generated-api
            }
            catch (MemberNotFoundException ex)
            {
                logger.LogWarning(ex, "Sale {BasketId} at {Outlet} could not earn points", sale.BasketId, sale.OutletId); // leak TC1001 exceptions
                posted.Add(points, Programme, sale.OutletId, $"no-member:{ex.MemberNumber}"); // leak TC1003 generated-api
            }
            catch (LedgerConflictException ex)
            {
                logger.LogWarning("Ledger conflict: {Message}", ex.Message); // clean exceptions
            }

            logger.LogDebug("Consumed {Sale}", sale); // leak TC1001 logging-objects
            consumer.Commit(result);
        }
    }
}
