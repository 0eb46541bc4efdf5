namespace PrivacyHoldout137.Energy;

/// <summary>A top-up paid in the app, at a shop or by the helpline, as published on the top-ups topic.</summary>
public sealed record TopUpPaid(string PaymentId, string AccountNumber, string MeterSerial, string PaymentCardNumber, decimal Amount, string Channel, string? OutletId);

/// <summary>
/// Consumes the prepayment top-ups topic (keyed by meter serial), vends the credit to the meter through
/// the head-end, and gives emergency credit when a vend cannot reach a meter that is off supply.
/// </summary>
public sealed class PrepaymentTopUpConsumer(
    IConsumer<string, TopUpPaid> consumer,
    IVendingClient vending,
    Pseudonymizer pseudonymizer,
    UtilityOptions options,
    ILogger<PrepaymentTopUpConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.Prepay.TopUps");
    private static readonly Meter Meter = new("Supplier.Prepay.TopUps");
    private static readonly PrepayVendsCounter Vends = Meter.CreatePrepayVendsCounter();
    private static readonly PrepayVendDurationHistogram VendDuration = Meter.CreatePrepayVendDurationHistogram();
    private static readonly Histogram<double> EmergencyCredit = Meter.CreateHistogram<double>("prepay.emergency_credit", "GBP");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("prepay.topup.consume", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic);
            activity?.SetTag("messaging.kafka.partition", result.Partition);
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct

            await VendAsync(result.Message.Value, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task VendAsync(TopUpPaid paid, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        using var span = Source.StartPrepayVend(paid.Channel)
            .SetPrepayAccountId(pseudonymizer.PseudonymizePrepayAccountId(paid.AccountNumber)) // clean precision-pseudonym
            .SetPrepayAmount((double)paid.Amount); // clean precision-about

        span.Activity?.SetTag("payment.id", paid.PaymentId);
        span.Activity?.SetTag("payment.outlet", paid.OutletId); // clean precision-names
        span.Activity?.SetTag("payment.card_last4", paid.PaymentCardNumber[^4..]); // clean precision-about
        span.Activity?.SetTag("payment.card", paid.PaymentCardNumber); // leak TC1001 direct

        try
        {
            var vend = await vending.VendAsync(new TopUpRequest(paid.MeterSerial, paid.PaymentCardNumber, paid.Amount, paid.Channel, paid.OutletId), ct);
            span.SetPrepayTopupId(vend.TopUpId).SetPrepayOutcome("vended");
            span.Activity?.SetTag("prepay.debt_recovered", (double)vend.DebtRecovered); // clean precision-about
            logger.LogInformation("Vended {TopUpId}: credit {Credit}, debt recovered {Debt}", vend.TopUpId, vend.Credit, vend.DebtRecovered); // clean precision-names
            logger.LogInformation("Vend result {Vend}", vend); // leak TC1001 logging-objects
            span.Activity?.SetTag("prepay.utrn", vend.Utrn); // leak TC1001 direct
            Vends.Add(1, paid.Channel, "vended"); // clean generated-api
        }
        catch (MeterOfflineException ex)
        {
            span.SetPrepayOutcome("offline");
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogPrepayVendFailedEvent(paid.Channel, "offline", pseudonymizer.PseudonymizePrepayAccountId(paid.AccountNumber), prepayNote: "Meter offline; emergency credit given"); // clean generated-api

            var balance = await vending.BalanceAsync(paid.MeterSerial, ct);
            if (balance.Credit <= 0 && balance.EmergencyCreditUsed < options.EmergencyCreditLimit)
            {
                var grant = await vending.GrantEmergencyCreditAsync(paid.MeterSerial, options.EmergencyCreditLimit - balance.EmergencyCreditUsed, ct);
                EmergencyCredit.Record((double)grant.Amount, new KeyValuePair<string, object?>("kind", grant.Kind), new("channel", paid.Channel)); // clean precision-names
                logger.LogInformation("Balance {@Balance} before emergency credit", balance); // clean logging-objects
                logger.LogInformation("Emergency credit {@Grant}", grant); // leak TC1001 logging-objects
                EmergencyCredit.Record((double)grant.Amount, new KeyValuePair<string, object?>("meter", grant.MeterSerial)); // leak TC1003 cross-member
            }
        }
        catch (VendDeclinedException ex)
        {
            span.SetPrepayOutcome("declined").SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            Vends.Add(1, paid.Channel, "declined-" + ex.Code); // clean exceptions
            logger.LogWarning(ex, "Top-up {PaymentId} declined for card {Card}", paid.PaymentId, paid.PaymentCardNumber); // leak TC1001 direct
        }
        finally
        {
            VendDuration.Record(sw.Elapsed.TotalSeconds, paid.Channel); // clean generated-api
        }
    }
}
