namespace PrivacyHoldout213.Healthcare;

public sealed record GardenReferralRequest(string NhsNumber, string PatientName, string Mobile, string SiteId, string ReferrerNote);

/// <summary>A trust's social-prescribing service: patients referred by their GP to sessions at a therapy garden plot.</summary>
[ApiController]
[Route("api/garden-referrals")]
public sealed class GardenReferralController(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AllotmentRegister register,
    TenantMailer mailer,
    TelemetrySecrets secrets,
    ILogger<GardenReferralController> logger) : ControllerBase
{
    private static readonly Counter<long> Referrals = new Meter("Greenrx.Referrals").CreateCounter<long>("greenrx.referrals");

    private string? _lastNhsNumber;
    private int _referralsToday;

    [HttpPost("")]
    public ActionResult Refer([FromBody] GardenReferralRequest request)
    {
        _lastNhsNumber = request.NhsNumber;
        _referralsToday++;
        using var activity = source.StartActivity("GardenReferral");
        activity?.SetTag("greenrx.site", request.SiteId); // clean precision-names
        activity?.SetTag("patient.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("greenrx.client.id", pseudonymizer.ComputeGreenrxClientId(request.NhsNumber)); // clean precision-pseudonym
        activity?.SetTag("greenrx.referrer_note.length", request.ReferrerNote.Length); // clean precision-about
        activity?.SetTag("greenrx.referrer_note", request.ReferrerNote); // leak TC1001 direct
        activity?.SetTag("greenrx.mobile.present", !string.IsNullOrEmpty(request.Mobile)); // clean precision-about
        logger.LogInformation("Referral received for {PatientName} at {Site}", request.PatientName, request.SiteId); // leak TC1001 direct
        logger.LogInformation("Referral received at {Site}, {Count} today", request.SiteId, _referralsToday); // clean precision-about
        logger.LogDebug("Referral request {@Request}", request); // leak TC1001 logging-objects
        logger.LogDebug("Referral request as {Request}", request with { Mobile = "***", ReferrerNote = "" }); // leak TC1001 logging-objects

        var plot = register.Plot("THG-" + request.SiteId);
        logger.LogInformation("Therapy plot {Plot}", plot); // clean logging-objects
        activity?.SetTag("greenrx.plot", plot.PlotRef); // clean precision-names
        activity?.SetTag("greenrx.plot.waiting_count", plot.WaitingCount); // clean precision-about

        Referrals.Add(1, new KeyValuePair<string, object?>("site", request.SiteId)); // clean precision-names
        Referrals.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeGreenrxClientId(request.NhsNumber))); // leak TC1003 precision-pseudonym

        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.NhsNumber))[0] % 16;
        activity?.SetTag("greenrx.shard", shard); // clean hashes
        var dedupe = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.NhsNumber)));
        activity?.SetTag("greenrx.referral.dedupe", dedupe); // leak TC1002 hashes

        mailer.Text(request.Mobile, "Your garden sessions start on Tuesday");
        return Ok(plot.PlotRef);
    }

    [HttpGet("last")]
    public ActionResult Last()
    {
        Activity.Current?.SetTag("greenrx.last_patient", _lastNhsNumber); // leak TC1001 cross-member
        logger.LogInformation("{Count} referrals so far today", _referralsToday); // clean cross-member
        return Ok();
    }

    [HttpPost("{nhsNumber}/session")]
    public ActionResult Attend(string nhsNumber, string plotRef, int minutes)
    {
        var patient = pseudonymizer.PseudonymizeGreenrxClientId(nhsNumber);
        using var span = source.StartGreenrxOperation("therapy-garden-1") // clean generated-api
            .SetGreenrxClientId(patient) // clean generated-api
            .SetGreenrxPlot(plotRef) // clean generated-api
            .SetGreenrxTask("session") // clean generated-api
            .SetGreenrxMinutes(minutes); // clean generated-api
        try
        {
            var tenant = register.TenantOfPlot(plotRef) ?? throw new TenantNotFoundException(nhsNumber);
            span.SetGreenrxNote($"session on plot {plotRef} for {minutes} minutes"); // clean generated-api
            span.Activity?.SetTag(GreenrxAttributes.Contact, tenant.Mobile); // leak TC1001 generated-api
            span.SetGreenrxNote("Attended with " + tenant.FullName); // leak TC1001 generated-api
        }
        catch (TenantNotFoundException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogGreenrxOperationFailedEvent("therapy-garden-1", "failed", patient, "no tenant for the plot"); // clean generated-api
            logger.LogWarning(ex, "Session could not be recorded"); // leak TC1001 exceptions
        }

        meter.CreateGreenrxOperationsCounter().Add(1, "therapy-garden-1", "done"); // clean generated-api
        meter.CreateGreenrxOperationsCounter().Add(1, nhsNumber, "done"); // leak TC1003 generated-api
        meter.CreateGreenrxOperationDurationHistogram().Record(minutes * 60.0, "therapy-garden-1"); // clean generated-api
        return Ok();
    }
}
