namespace PrivacyHoldout174.Healthcare;

/// <summary>The discharge hub posts discharge-to-assess referrals; the trust finds a home care package for them.</summary>
[ApiController]
[Route("api/discharge-referrals")]
public sealed class DischargeToAssessController(
    ILogger<DischargeToAssessController> logger,
    IClientStore clients,
    ICareMessenger messenger,
    Pseudonymizer pseudonymizer,
    HomeCareOptions options) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.DischargeToAssess");
    private static readonly Meter Meter = new("Trust.DischargeToAssess");
    private static readonly Counter<long> Referrals = Meter.CreateCounter<long>("d2a.referrals");

    [HttpPost("")]
    public async Task<ActionResult> Refer([FromBody] DischargeReferral referral, CancellationToken cancellationToken)
    {
        using var span = Source.StartDischargecareOperation("RX1");
        span.SetDischargecareVisitType("assessment"); // clean generated-api
        span.SetDischargecareClientId(pseudonymizer.PseudonymizeDischargecareClientId(referral.NhsNumber)); // clean precision-pseudonym

        var activity = Activity.Current;
        activity?.SetTag("d2a.referral_id", referral.ReferralId); // clean precision-about
        activity?.SetTag("d2a.ward", referral.Ward); // clean precision-about
        activity?.SetTag("d2a.nhs_number", referral.NhsNumber); // leak TC1001 direct
        activity?.SetTag("d2a.hours_per_week", referral.HoursPerWeek); // clean precision-about

        logger.LogInformation("Referral {ReferralId} from {Ward} for {Hours} hours", referral.ReferralId, referral.Ward, referral.HoursPerWeek); // clean precision-about
        logger.LogInformation("Discharge referral received for {Patient}", referral.PatientName); // leak TC1001 direct
        logger.LogDebug("Referral body {@Referral}", referral); // leak TC1001 logging-objects

        var district = referral.HomeAddress.Split(',').Last().Trim();
        logger.LogInformation("Referral lands in {District}", district.Length > 4 ? district[..4] : district); // clean precision-about

        var client = await clients.FindAsync(referral.NhsNumber, cancellationToken);
        if (client is null)
        {
            var notFound = new ClientNotFoundException(referral.NhsNumber);
            activity?.AddException(notFound); // leak TC1001 exceptions
            logger.LogWarning("No client record, type {ErrorType}", notFound.GetType().Name); // clean exceptions
            return NotFound();
        }

        Referrals.Add(1, new KeyValuePair<string, object?>("ward", referral.Ward)); // clean precision-about
        Referrals.Add(1, new KeyValuePair<string, object?>("client", pseudonymizer.PseudonymizeDischargecareClientId(client.ClientId))); // leak TC1003 precision-pseudonym

        await messenger.TextAsync(client.Phone, $"Your carers will visit from {DateTime.Today:d}", cancellationToken);
        logger.LogInformation("Welcome text sent to {Phone}", client.Phone); // leak TC1001 direct
        logger.LogInformation("Welcome text sent, phone present {HasPhone}", !string.IsNullOrEmpty(client.Phone)); // clean precision-about
        span.SetDischargecareNote($"Package for {client.FullName} starts tomorrow"); // leak TC1001 generated-api
        span.SetDischargecareItemCount(options.MaxVisitsPerRound); // clean generated-api
        return Ok(referral.ReferralId);
    }

    [HttpPost("{referralId}/handover")]
    public async Task<ActionResult> Handover(string referralId, [FromBody] CareClientProfile profile, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("d2a.handover");
        activity?.SetTag("d2a.referral_id", referralId); // clean precision-about
        activity?.SetTag("d2a.visits_per_day", profile.VisitsPerDay); // clean precision-about
        logger.LogInformation("Handover profile {Profile}", profile); // clean logging-objects
        logger.LogInformation("Handover for {PreferredName}", profile.PreferredName); // leak TC1001 direct
        var kin = NextOfKinLine(profile);
        activity?.AddEvent(new ActivityEvent("d2a.kin_informed", tags: new ActivityTagsCollection { ["kin"] = kin })); // leak TC1001 cross-member
        activity?.AddEvent(new ActivityEvent("d2a.kin_informed", tags: new ActivityTagsCollection { ["has_kin"] = profile.NextOfKinPhone is not null })); // clean precision-about
        try
        {
            var client = await clients.FindAsync(profile.ClientId, cancellationToken) ?? throw new ClientNotFoundException(profile.ClientId);
            activity?.SetTag("d2a.age_band", (DateTime.Today.Year - client.DateOfBirth.Year) / 10 * 10); // clean precision-about
        }
        catch (ClientNotFoundException ex)
        {
            logger.LogError("Handover failed: {Message}", ex.Message); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, nameof(ClientNotFoundException)); // clean exceptions
        }
        catch (PackageSuspendedException ex)
        {
            logger.LogWarning(ex, "Handover for {ReferralId} on hold", referralId); // clean exceptions
        }
        return Ok();
    }

    private static string NextOfKinLine(CareClientProfile profile) => "Kin " + profile.NextOfKinPhone;
}
