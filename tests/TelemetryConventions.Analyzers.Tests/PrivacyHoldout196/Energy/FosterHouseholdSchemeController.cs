namespace PrivacyHoldout196.Energy;

/// <summary>An application to the supplier's foster household scheme (a winter credit for approved carers).</summary>
public sealed record FosterSchemeApplication(string ApplicationId, string AccountNumber, string Mpan, string CarerName, string CarerEmail, string AgencyCode, string ApprovalLetterRef, int ChildrenPlaced, bool PrepaymentMeter);

public sealed record SchemeDecision(string ApplicationId, string Decision, decimal Credit, string Tariff);

[ApiController]
[Route("api/foster-scheme")]
public sealed class FosterHouseholdSchemeController(
    IFosteringStore store,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<FosterHouseholdSchemeController> logger) : ControllerBase
{
    private readonly Counter<long> _applications = meter.CreateCounter<long>("scheme.applications");

    [HttpPost("applications")]
    public async Task<ActionResult> Apply([FromBody] FosterSchemeApplication application, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("scheme.application.id", application.ApplicationId); // clean precision-names
        activity?.SetTag("scheme.account", application.AccountNumber); // leak TC1001 direct
        activity?.SetTag("scheme.mpan", application.Mpan); // leak TC1001 direct
        activity?.SetTag("scheme.mpan.distributor", application.Mpan[..2]); // clean precision-about
        activity?.SetTag("scheme.agency", application.AgencyCode); // clean precision-names
        activity?.SetTag("scheme.children_placed", application.ChildrenPlaced); // clean precision-about
        activity?.SetTag("scheme.prepayment", application.PrepaymentMeter); // clean precision-about
        activity?.SetTag("scheme.approval_letter", application.ApprovalLetterRef); // clean precision-names
        activity?.SetTag("scheme.carer.email_template", "foster-scheme-received-v2"); // clean precision-names

        _applications.Add(1, new KeyValuePair<string, object?>("agency", application.AgencyCode)); // clean precision-names
        _applications.Add(1, new KeyValuePair<string, object?>("account", application.AccountNumber)); // leak TC1003 direct
        _applications.Add(1, new KeyValuePair<string, object?>("carer", pseudonymizer.ComputeWarmfosterCarerId(application.AccountNumber))); // leak TC1003 precision-pseudonym

        logger.LogInformation("Application {ApplicationId} from {CarerEmail}", application.ApplicationId, application.CarerEmail); // leak TC1001 direct
        logger.LogInformation("Application {ApplicationId} from carer {Carer}", application.ApplicationId, pseudonymizer.ComputeWarmfosterCarerId(application.AccountNumber)); // clean precision-pseudonym
        logger.LogInformation("Application {@Application}", application); // leak TC1001 logging-objects
        logger.LogInformation("Application {@Application}", application with { CarerName = "", CarerEmail = "" }); // leak TC1001 logging-objects

        var mailbox = application.CarerEmail.Split('@');
        activity?.SetTag("scheme.carer.mail_domain", mailbox[^1]); // clean precision-about

        var hashed = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(application.Mpan)))[..12];
        activity?.SetTag("scheme.mpan.hash", hashed); // leak TC1002 hashes
        var partition = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(application.AccountNumber))) % 16;
        activity?.SetTag("scheme.partition", partition); // clean hashes

        using var span = source.StartWarmfosterOperation("winter-credit")
            .SetWarmfosterCarerId(pseudonymizer.PseudonymizeWarmfosterCarerId(application.AccountNumber)) // clean generated-api
            .SetWarmfosterStage("application"); // clean generated-api
        span.SetWarmfosterNote($"{application.ChildrenPlaced} children, prepayment {application.PrepaymentMeter}"); // clean generated-api
        span.SetWarmfosterNote($"applicant {application.CarerName}"); // leak TC1001 generated-api

        var carer = await store.FindCarerAsync(application.CarerEmail, cancellationToken);
        if (carer is null)
        {
            var ex = new CarerNotFoundException(application.CarerEmail);
            span.RecordException(ex); // clean generated-api
            logger.LogWarning(ex, "Approval {Letter} not confirmed by agency", application.ApprovalLetterRef); // leak TC1001 exceptions
            return BadRequest("approval not confirmed");
        }

        var decision = new SchemeDecision(application.ApplicationId, "approved", 150m, "standard-variable");
        logger.LogInformation("Decision {@Decision}", decision); // clean logging-objects
        meter.CreateWarmfosterOperationsCounter().Add(1, "winter-credit", decision.Decision); // clean generated-api
        meter.CreateWarmfosterOperationsCounter().Add(1, "winter-credit", application.CarerEmail); // leak TC1003 generated-api
        return Ok(decision);
    }
}
