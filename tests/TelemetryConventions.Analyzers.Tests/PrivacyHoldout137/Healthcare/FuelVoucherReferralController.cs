namespace PrivacyHoldout137.Healthcare;

public sealed record FuelVoucherRequest(
    string NhsNumber,
    string GivenName,
    string PrepaymentMeterSerial,
    string MeterType,
    string Mobile,
    string Postcode,
    string SocialPrescriberStaffId,
    string Reason);

public sealed record FuelVoucherIssued(string VoucherId, string VoucherCode, decimal Amount, DateOnly Expires, string SentTo);

public interface IFuelBankClient
{
    Task<FuelVoucherIssued> IssueAsync(FuelVoucherRequest request, CancellationToken cancellationToken);
}

public sealed class FuelBankQuotaException(string practiceCode, int used, int quota)
    : Exception($"Practice {practiceCode} has used {used} of {quota} fuel vouchers this month")
{
    public string PracticeCode { get; } = practiceCode;
}

/// <summary>
/// Social prescribers in GP practices refer patients whose health suffers in a cold home to the fuel bank,
/// which texts a prepayment top-up voucher to the patient.
/// </summary>
[ApiController]
[Route("social-prescribing/fuel-vouchers")]
public sealed class FuelVoucherReferralController(
    IFuelBankClient fuelBank,
    Pseudonymizer pseudonymizer,
    ILogger<FuelVoucherReferralController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Practice.SocialPrescribing.FuelVouchers");
    private static readonly Meter Meter = new("Practice.SocialPrescribing.FuelVouchers");
    private static readonly Counter<long> Issued = Meter.CreateCounter<long>("fuel.vouchers.issued");

    [HttpPost("{practiceCode}")]
    public async Task<ActionResult> ReferAsync(string practiceCode, [FromBody] FuelVoucherRequest request, CancellationToken ct)
    {
        using var activity = Source.StartActivity("fuel.voucher.refer");
        activity?.SetTag("practice.code", practiceCode); // clean precision-names
        activity?.SetTag("meter.type", request.MeterType);
        activity?.SetTag("referral.reason", request.Reason); // clean precision-names
        activity?.SetTag("referrer.staff_id", request.SocialPrescriberStaffId); // leak TC1001 direct
        activity?.SetTag("patient.postcode_district", request.Postcode.Split(' ')[0]); // clean precision-about

        using var vend = Source.StartPrepayVend("voucher")
            .SetPrepayAccountId(pseudonymizer.PseudonymizePrepayAccountId(request.NhsNumber)); // clean precision-pseudonym

        try
        {
            var issued = await fuelBank.IssueAsync(request, ct);
            vend.SetPrepayTopupId(issued.VoucherId).SetPrepayAmount((double)issued.Amount).SetPrepayOutcome("issued");
            logger.LogInformation("Fuel voucher {Voucher} sent for {Patient}", issued, request.GivenName); // leak TC1001 logging-objects
            logger.LogInformation("Voucher {VoucherId} expires {Expires}", issued.VoucherId, issued.Expires); // clean precision-names
            activity?.AddEvent(new ActivityEvent("voucher.sent", tags: new ActivityTagsCollection { ["voucher.code"] = issued.VoucherCode })); // leak TC1001 direct
            Issued.Add(1, new KeyValuePair<string, object?>("practice", practiceCode), new("meter_type", request.MeterType));
            return Ok(new { issued.VoucherId, issued.Expires });
        }
        catch (FuelBankQuotaException ex)
        {
            vend.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Fuel bank quota reached for {PracticeCode}", ex.PracticeCode); // clean exceptions
            vend.SetPrepayNote($"Quota reached; patient {request.NhsNumber} to be referred to the council scheme"); // leak TC1001 generated-api
            Issued.Add(1, new KeyValuePair<string, object?>("practice", practiceCode), new("outcome", "quota")); // clean precision-names
            return BadRequest("The practice has used this month's fuel vouchers");
        }
        catch (HttpRequestException ex)
        {
            logger.LogError(ex, "Fuel bank unavailable; text {Mobile} when it is back", request.Mobile); // leak TC1001 direct
            vend.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            throw;
        }
    }
}
