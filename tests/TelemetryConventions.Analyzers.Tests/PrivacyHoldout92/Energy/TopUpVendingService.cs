namespace PrivacyHoldout92.Energy;

/// <summary>A top-up bought in the app: the account, the meter it is for and the amount.</summary>
public sealed record AppTopUp(string AccountNumber, string MeterSerial, decimal Amount, string HolderEmail);

/// <summary>
/// Vends app top-ups: asks the vending service for credit on the household's meter and returns the 20-digit
/// code the household keys in when the meter cannot be reached over the air.
/// </summary>
public sealed class TopUpVendingService(IVendingClient vending, Pseudonymizer pseudonymizer, ILogger<TopUpVendingService> logger)
{
    private static readonly ActivitySource Source = new("Energy.Prepay.Vending");
    private static readonly Meter Meter = new("Energy.Prepay.Vending");
    private static readonly Histogram<double> Amounts = Meter.CreateHistogram<double>("topup.amount", "GBP");

    public async Task<string?> VendAsync(AppTopUp topUp, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartTopupVend("app");
        var request = new VendRequest(topUp.AccountNumber, topUp.MeterSerial, topUp.Amount, null, "app");
        span.SetTopupAmount((double)topUp.Amount).SetTopupMeterModel(topUp.MeterSerial[..3]); // clean precision-about
        span.SetTopupAccountId(pseudonymizer.PseudonymizeTopupAccountId(topUp.AccountNumber)); // clean precision-pseudonym
        logger.LogInformation("Vending {Request}", request); // leak TC1001 logging-objects
        Amounts.Record((double)topUp.Amount, new KeyValuePair<string, object?>("topup.channel", "app"));

        try
        {
            var result = await vending.VendAsync(request, cancellationToken);
            span.SetTopupTransactionId(result.TransactionId).SetTopupTariff(result.TariffIndex).SetTopupOutcome("vended"); // clean generated-api
            logger.LogInformation("Vend {Transaction}: {Units} kWh on tariff {Tariff}", result.TransactionId, result.Units, result.TariffIndex); // clean precision-names
            logger.LogDebug("Vend code {Token}", result.Token); // leak TC1001 direct
            logger.LogDebug("Vend code is {Digits} digits", result.Token.Length); // clean precision-about
            span.Activity?.SetTag("topup.token.group", result.Token[..4] + "-" + result.Token[4..8]); // leak TC1001 strings
            Meter.CreateTopupVendsCounter().Add(1, topupChannel: "app", topupOutcome: "vended");
            return result.Token;
        }
        catch (VendRefusedException ex)
        {
            span.SetTopupOutcome("refused").RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Vend refused with {Code}", ex.Code); // clean exceptions
            logger.LogTopupVendFailedEvent(topupOutcome: "refused", topupChannel: "app", topupAccountId: pseudonymizer.PseudonymizeTopupAccountId(topUp.AccountNumber), topupNote: ex.Code); // clean exceptions
            Meter.CreateTopupVendsCounter().Add(1, topupChannel: "app", topupOutcome: $"refused:{topUp.MeterSerial}"); // leak TC1003 generated-api
            return null;
        }
        catch (VendTimeoutException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            span.Activity?.SetTag(TopupAttributes.HolderContact, topUp.HolderEmail); // leak TC1001 generated-api
            return null;
        }
        finally
        {
            Meter.CreateTopupVendDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, topupChannel: "app");
        }
    }
}
