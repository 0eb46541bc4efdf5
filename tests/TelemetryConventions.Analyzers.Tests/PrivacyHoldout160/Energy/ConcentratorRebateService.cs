namespace PrivacyHoldout160.Energy;

/// <summary>Pays households back for the electricity their home oxygen concentrators use.</summary>
public sealed class ConcentratorRebateService(
    ILogger<ConcentratorRebateService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    MedTechOptions options)
{
    private readonly Histogram<double> kwh = meter.CreateHistogram<double>("psr.rebate.kwh");
    private ConcentratorClaim? lastRejected;

    public decimal Settle(ConcentratorClaim claim, string meterSerial)
    {
        using var span = source.StartPsrOperation(options.Region);
        span.SetPsrDeviceModel(claim.Model); // clean generated-api
        span.SetPsrHouseholdId(pseudonymizer.PseudonymizePsrHouseholdId(claim.AccountNumber)); // clean generated-api
        span.SetPsrOutcome($"claim-{claim.ConcentratorSerial}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("claim.id", claim.ClaimId); // clean precision-names
        Activity.Current?.SetTag("concentrator.serial", claim.ConcentratorSerial); // leak TC1001 direct
        kwh.Record((double)claim.Kwh, new KeyValuePair<string, object?>("model", claim.Model)); // clean precision-about

        if (!claim.ConcentratorSerial.StartsWith(meterSerial[..3], StringComparison.Ordinal))
        {
            lastRejected = claim;
            var ex = new ClaimMeterMismatchException(meterSerial, claim.ConcentratorSerial);
            span.SetPsrNote(ex.Message); // leak TC1001 exceptions
            span.SetPsrOutcome("meter-mismatch"); // clean generated-api
            meter.CreatePsrOperationsCounter().Add(1, options.Region, psrOutcome: "rejected"); // clean generated-api
            return 0m;
        }

        var amount = claim.Kwh * 0.245m;
        logger.LogInformation("Rebate of {Amount} for {Kwh} kWh on a {Model}", amount, claim.Kwh, claim.Model); // clean precision-about
        logger.LogInformation("Rebate paid for {Claim}", claim); // leak TC1001 logging-objects
        logger.LogInformation("Rebate paid on account {Account}", Pseudonym.FromComputed(claim.AccountNumber)); // leak TC1001 precision-pseudonym
        return amount;
    }

    public void ReviewRejections()
    {
        logger.LogInformation("Last rejected claim {ClaimId}", lastRejected?.ClaimId); // clean cross-member
        logger.LogInformation("Last rejected account {Account}", lastRejected?.AccountNumber); // leak TC1001 cross-member
        meter.CreatePsrOperationsCounter().Add(1, options.Region, psrOutcome: lastRejected?.AccountNumber); // leak TC1003 generated-api
    }
}
