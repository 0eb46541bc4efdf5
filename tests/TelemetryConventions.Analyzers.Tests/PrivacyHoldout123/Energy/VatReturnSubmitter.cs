namespace PrivacyHoldout123.Energy;

/// <summary>Submits the supplier's quarterly VAT return to HMRC through Making Tax Digital.</summary>
public sealed class VatReturnSubmitter(IVatApi vat, Pseudonymizer pseudonymizer, FinanceOptions options, ILogger<VatReturnSubmitter> logger)
{
    private static readonly ActivitySource Source = new("Energy.Tax");

    public async Task SubmitAsync(VatReturn vatReturn, FraudPreventionHeaders headers, string submittedByStaffId, CancellationToken ct)
    {
        using var span = Source.StartEnbillPost(vatReturn.PeriodKey, "vat_return")
            .SetEnbillPeriod(vatReturn.PeriodKey) // clean direct
            .SetEnbillAmount((double)vatReturn.NetVatDue) // clean precision-about
            .SetEnbillAgentId(pseudonymizer.PseudonymizeEnbillAgentId(submittedByStaffId)); // clean precision-pseudonym
        span.Activity?.SetTag("enbill.vrn", options.Vrn); // clean precision-names
        span.Activity?.SetTag("enbill.vendor.version", headers.GetValueOrDefault(FraudPreventionHeaders.VendorVersion)); // clean precision-names
        logger.LogInformation("Submitting {@Return}", vatReturn); // clean logging-objects
        logger.LogDebug("Fraud prevention headers {@Headers}", headers); // leak TC1001 logging-objects
        logger.LogDebug("Submitting from device {Device} at {Ip}", headers[FraudPreventionHeaders.DeviceId], headers[FraudPreventionHeaders.PublicIp]); // leak TC1001 direct
        try
        {
            var receipt = await vat.SubmitAsync(options.Vrn, vatReturn, headers, ct);
            span.SetEnbillReference(receipt.FormBundleNumber).SetEnbillOutcome("submitted"); // clean generated-api
            logger.LogInformation("VAT return {Period} accepted: {Receipt}", vatReturn.PeriodKey, receipt); // clean logging-objects
        }
        catch (MtdApiException ex)
        {
            span.RecordException(ex, includeMessage: true).SetStatus(ActivityStatusCode.Error, ex.Code); // clean exceptions
            logger.LogError(ex, "HMRC refused the {Period} return ({Status})", vatReturn.PeriodKey, ex.Status); // clean exceptions
            logger.LogError("Return submitted by {Staff} refused", submittedByStaffId); // leak TC1001 direct
        }
    }
}
