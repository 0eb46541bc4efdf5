namespace PrivacyHoldout153.Healthcare;

/// <summary>The opticians' sight test API: records a test, claims the NHS voucher and refers to the eye hospital.</summary>
[ApiController]
[Route("api/sight-tests")]
public sealed class SightTestController(
    ISightTestStore tests,
    IOpticalGateway gateway,
    Pseudonymizer pseudonymizer,
    ILogger<SightTestController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("HighStreet.Optics");
    private static readonly Meter Meter = new("HighStreet.Optics");
    private static readonly Counter<long> TestsRecorded = Meter.CreateCounter<long>("optics.sight_tests");

    [HttpPost("")]
    public async Task<ActionResult> RecordAsync([FromBody] SightTest test, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("optics.test.id", test.TestId); // clean precision-names
        activity?.SetTag("optics.branch", test.Branch); // clean precision-about
        activity?.SetTag("optics.optometrist.goc", test.OptometristGocNumber); // leak TC1001 direct
        activity?.SetTag("optics.referred", test.Referred); // clean precision-about
        activity?.SetTag("optics.sphere.right", test.RightSphere); // clean precision-about
        TestsRecorded.Add(1, new KeyValuePair<string, object?>("optics.branch", test.Branch), new KeyValuePair<string, object?>("optics.referred", test.Referred)); // clean precision-about
        await tests.SaveAsync(test, cancellationToken);
        logger.LogInformation("Sight test saved: {Test}", test); // leak TC1001 logging-objects
        return Ok(test.TestId);
    }

    [HttpPost("{testId}/voucher")]
    public async Task<ActionResult> ClaimVoucherAsync(string testId, [FromBody] GosVoucher voucher, CancellationToken cancellationToken)
    {
        using var span = Source.StartDentalOperation("optics");
        span.SetDentalService(voucher.Band); // clean precision-about
        try
        {
            var claimId = await gateway.ClaimVoucherAsync(voucher, cancellationToken);
            logger.LogInformation("Voucher {VoucherBand} claimed as {ClaimId} for test {TestId}", voucher.Band, claimId, testId); // clean precision-names
            return Ok(claimId);
        }
        catch (VoucherNotEligibleException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            logger.LogWarning("Voucher refused for {Patient}", pseudonymizer.ComputeDentalPatientId(voucher.NhsNumber)); // clean precision-pseudonym
            return BadRequest("not-eligible");
        }
        catch (BranchClosedException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            return BadRequest("branch-closed");
        }
    }

    [HttpPost("{testId}/referral")]
    public async Task<ActionResult> ReferAsync(string testId, [FromBody] EyeReferral referral, CancellationToken cancellationToken)
    {
        var reference = await gateway.ReferAsync(referral, cancellationToken);
        Activity.Current?.AddEvent(new ActivityEvent("optics.referral.sent", tags: new ActivityTagsCollection { ["urgency"] = referral.Urgency, ["referral.id"] = referral.ReferralId })); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("optics.referral.patient", tags: new ActivityTagsCollection { ["patient.name"] = referral.PatientName })); // leak TC1001 direct
        logger.LogInformation("Referral {Reference} notes: {Notes}", reference, referral.ClinicalNotes); // leak TC1001 direct
        logger.LogInformation("Referral {Reference} notes length {Length}", reference, referral.ClinicalNotes.Length); // clean precision-about
        Activity.Current?.SetBaggage("optics.patient", referral.NhsNumber); // leak TC1001 direct
        return Ok(reference);
    }
}
