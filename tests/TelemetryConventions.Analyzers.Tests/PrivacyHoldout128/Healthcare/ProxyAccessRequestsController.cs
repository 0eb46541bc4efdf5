namespace PrivacyHoldout128.Healthcare;

public sealed record ProxyAccessForm(string NhsNumber, string ProxyName, string ProxyEmail, string Relationship, bool PatientConsented);

/// <summary>The practice's online services: a carer or parent asks to act for a patient in the app.</summary>
[ApiController]
[Route("practices/{practiceCode}/proxy-requests")]
public sealed partial class ProxyAccessRequestsController(
    IProxyRegistry registry,
    INotifier notifier,
    Pseudonymizer pseudonymizer,
    ILogger<ProxyAccessRequestsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Practice.ProxyAccess");
    private static readonly Meter Meter = new("Practice.ProxyAccess");
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("practice.proxy.requests");
    private static readonly CarelinkHouseholdChangesCounter Changes = Meter.CreateCarelinkHouseholdChangesCounter();

    [HttpPost]
    public async Task<ActionResult> Submit(string practiceCode, [FromBody] ProxyAccessForm form)
    {
        var requestId = $"PXR-{Guid.NewGuid():N}"[..16];
        using var span = Source.StartCarelinkHouseholdChange("full-record");
        span.SetCarelinkRegion(practiceCode).SetCarelinkRole(form.Relationship); // clean precision-names
        span.SetCarelinkMemberId(pseudonymizer.PseudonymizeCarelinkMemberId(form.NhsNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("proxy.request.id", requestId); // clean precision-names
        Activity.Current?.SetTag("proxy.patient.nhs_number", form.NhsNumber); // leak TC1001 direct
        Activity.Current?.SetTag("proxy.email.domain", form.ProxyEmail[(form.ProxyEmail.IndexOf('@') + 1)..]); // clean precision-about

        var request = new ProxyAccessRequest(requestId, form.NhsNumber, form.ProxyName, form.ProxyEmail, form.Relationship, form.PatientConsented, practiceCode);
        logger.LogInformation("Proxy access requested {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Proxy access requested at {Practice} as {Relationship}, consented {Consented}", practiceCode, request.Relationship, request.PatientConsented); // clean precision-names

        if (!form.PatientConsented && form.Relationship != "parent")
        {
            Requests.Add(1, new KeyValuePair<string, object?>("practice", practiceCode), new KeyValuePair<string, object?>("outcome", "no-consent")); // clean precision-names
            LogNeedsConsent(logger, form.ProxyName, form.NhsNumber); // leak TC1001 direct
            return new BadRequestResult("The patient must consent");
        }

        try
        {
            await registry.SaveAsync(new ProxyGrant(requestId, form.NhsNumber, form.ProxyEmail, "appointments,prescriptions", form.Relationship, null));
        }
        catch (ProxyScopeException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Scope {Scope} refused for request {RequestId}", ex.Scope, requestId); // clean exceptions
            return new BadRequestResult("scope");
        }
        catch (GuardianVerificationException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Proxy not verified: {Reason}", ex.Reason); // clean exceptions
            return new BadRequestResult("verification");
        }

        await notifier.EmailAsync(form.ProxyEmail, "proxy-request-received", new Dictionary<string, string> { ["name"] = form.ProxyName });
        Activity.Current?.AddEvent(new ActivityEvent("proxy.request.saved", tags: new ActivityTagsCollection { ["proxy.name"] = form.ProxyName })); // leak TC1001 direct
        Changes.Add(1, "full-record", "requested"); // clean precision-names
        return new OkResult(new { requestId });
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Proxy {ProxyName} asked for patient {NhsNumber} without consent")]
    private static partial void LogNeedsConsent(ILogger logger, string proxyName, string nhsNumber);
}
