namespace PrivacyHoldout169.Healthcare;

/// <summary>The hospital charity's "give to the ward that cared for you" page, behind the patient portal.</summary>
[ApiController]
[Route("api/grateful-gifts")]
public sealed class GratefulPatientGiftController(
    IDonorStore donors,
    ICardGateway gateway,
    IDonorMessenger messenger,
    Pseudonymizer pseudonymizer,
    FundraisingOptions options,
    ILogger<GratefulPatientGiftController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("HospitalCharity.Gifts");
    private static readonly Meter Meter = new("HospitalCharity.Gifts");
    private static readonly Counter<long> GiftsByWard = Meter.CreateCounter<long>("hospitalcharity.gifts.by_ward");

    public sealed record GiftRequest(string Hospital, string NhsNumber, string SupporterNumber, string Ward, decimal Amount, string PaymentMethodToken, bool GiftAid);

    [HttpPost("")]
    public async Task<ActionResult> Give([FromBody] GiftRequest request, CancellationToken cancellationToken)
    {
        var donorRef = pseudonymizer.PseudonymizeHospitalcharityDonorId(request.SupporterNumber);
        using var operation = Source.StartHospitalcharityOperation(request.Hospital).SetHospitalcharityDonorId(donorRef); // clean generated-api
        var activity = Activity.Current;
        activity?.SetTag("hospitalcharity.ward", request.Ward); // clean direct
        activity?.SetTag("hospitalcharity.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("hospitalcharity.gift_aid", request.GiftAid); // clean precision-about
        activity?.SetTag("hospitalcharity.amount", (double)request.Amount); // clean direct
        logger.LogInformation("Gift of {Amount} from supporter {SupporterNumber} on {Ward}", request.Amount, request.SupporterNumber, request.Ward); // leak TC1001 direct

        var donor = await donors.FindAsync(request.SupporterNumber, cancellationToken);
        if (donor is null)
        {
            var missing = new DonorNotFoundException(request.SupporterNumber);
            activity?.AddException(missing); // leak TC1001 exceptions
            return NotFound("donor");
        }

        logger.LogDebug("Donor mail domain {Domain}", donor.Email[(donor.Email.IndexOf('@') + 1)..]); // clean precision-about
        try
        {
            var charge = await gateway.ChargeAsync(request.PaymentMethodToken, request.Amount, cancellationToken);
            logger.LogInformation("Charged {@Charge}", charge); // clean logging-objects
        }
        catch (CardDeclinedException ex)
        {
            logger.LogWarning(ex, "Card declined for a gift on {Ward}", request.Ward); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return BadRequest("declined");
        }

        logger.LogDebug("Charged the card on file {PaymentMethod}", request.PaymentMethodToken); // leak TC1001 direct
        var patient = pseudonymizer.PseudonymizeHospitalcharityPatientId(request.NhsNumber);
        operation.SetHospitalcharityPatientId(patient).SetHospitalcharityFund(request.Ward); // clean precision-pseudonym
        GiftsByWard.Add(1, new KeyValuePair<string, object?>("ward", request.Ward), new("patient", patient.Value)); // leak TC1003 precision-pseudonym

        var gift = new GratefulPatientGift(request.NhsNumber, request.SupporterNumber, request.Amount, request.Ward);
        logger.LogInformation("Recorded {@Gift}", gift); // leak TC1001 logging-objects
        logger.LogInformation("Thank-you goes out with template {ThankYouTemplateId}", options.ThankYouTemplateId); // clean precision-names
        await messenger.SendAsync(donor.Email, options.ThankYouTemplateId, cancellationToken);
        operation.SetHospitalcharityNote($"thanked {donor.FullName} for the gift to {request.Ward}"); // leak TC1001 generated-api
        Meter.CreateHospitalcharityGiftsCounter().Add(1, request.Hospital, "accepted"); // clean generated-api
        return Ok(new { gift.Ward });
    }
}
