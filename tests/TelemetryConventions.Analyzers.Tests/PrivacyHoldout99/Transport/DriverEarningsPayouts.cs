namespace PrivacyHoldout99.Transport;

public sealed record DriverEarnings(string StaffNumber, string DriverName, string ConnectedAccountId, string Depot, int Trips, long FaresPence, long TipsPence, long CommissionPence);

/// <summary>Instant payouts of the demand-responsive service's self-employed drivers: their fares and tips less commission, to their debit card.</summary>
public sealed class DriverEarningsPayouts(
    IConnectClient connect,
    Pseudonymizer pseudonymizer,
    ILogger<DriverEarningsPayouts> logger)
{
    private static readonly ActivitySource Source = new("Transit.Drivers.Payouts");
    private static readonly Meter Meter = new("Transit.Drivers.Payouts");
    private static readonly Histogram<long> Earnings = Meter.CreateHistogram<long>("drivers.payout.amount", "p");

    public async Task PayOutAsync(DriverEarnings earnings, CancellationToken ct)
    {
        var net = earnings.FaresPence + earnings.TipsPence - earnings.CommissionPence;
        var driver = pseudonymizer.PseudonymizeFarepayPayeeId(earnings.StaffNumber);
        using var span = Source.StartFarepayPayout("pending").SetFarepayPayeeId(driver).SetFarepayAmount(net); // clean precision-pseudonym
        span.Activity?.SetTag("driver.depot", earnings.Depot); // clean precision-names
        span.Activity?.SetTag("driver.trips", earnings.Trips); // clean precision-about
        span.Activity?.SetTag("driver.tips", earnings.TipsPence);
        span.Activity?.SetTag("driver.staff_number", earnings.StaffNumber); // leak TC1001 direct
        span.Activity?.SetTag("driver.summary", $"{earnings.DriverName} ({earnings.Depot})"); // leak TC1001 strings
        logger.LogInformation("Instant payout of {Net} for {Driver}", net, earnings.DriverName); // leak TC1001 direct
        logger.LogInformation("Driver earnings {@Earnings}", earnings with { DriverName = "", StaffNumber = "" }); // leak TC1001 logging-objects
        Earnings.Record(net, new KeyValuePair<string, object?>("depot", earnings.Depot));
        Earnings.Record(net, new KeyValuePair<string, object?>("driver", driver.Value)); // leak TC1003 precision-pseudonym

        try
        {
            var account = await connect.GetAccountAsync(earnings.ConnectedAccountId, ct);
            span.Activity?.SetTag("payee.payouts_enabled", account.PayoutsEnabled); // clean precision-about
            span.Activity?.SetTag("payee.dob_year", account.Individual?.Dob?.Year);
            logger.LogDebug("Payee individual {Individual}", account.Individual); // leak TC1001 logging-objects
            logger.LogDebug("Payee id number ends {Last4}", account.Individual?.IdNumberLast4); // clean precision-about
            var payout = await connect.PayoutAsync(net, "gbp", new RequestOptions { StripeAccount = earnings.ConnectedAccountId, IdempotencyKey = Idempotency.NewKey() }, ct);
            span.SetFarepayPaymentId(payout.Id).SetFarepayOutcome(payout.Status);
            span.SetFarepayNote($"instant payout via {payout.Method}, arrives {payout.ArrivalDate:O}"); // clean generated-api
        }
        catch (AccountRestrictedException ex)
        {
            span.SetFarepayOutcome("restricted").SetFarepayNote(string.Join(",", ex.Requirements)); // clean exceptions
            logger.LogWarning(ex, "Driver payout restricted"); // leak TC1001 exceptions
        }
    }
}
