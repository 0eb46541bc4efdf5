namespace PrivacyHoldout179.Retail;

[ApiController]
[Route("api/store-back-door")]
public sealed partial class SupplierVisitController(
    ILogger<SupplierVisitController> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retail.BackDoor");
    private readonly Counter<long> _visits = meter.CreateCounter<long>("backdoor.supplier.visits");
    private readonly HqreceptionOperationsCounter _operations = meter.CreateHqreceptionOperationsCounter();

    [HttpPost("suppliers")]
    public ActionResult SignIn([FromBody] SupplierVisit visit)
    {
        using var span = Source.StartHqreceptionOperation(visit.Store);
        span.SetHqreceptionVisitType("supplier"); // clean precision-names
        span.SetHqreceptionVisitorId(pseudonymizer.PseudonymizeHqreceptionVisitorId(visit.RepMobile)); // clean precision-pseudonym
        span.Activity?.SetTag("backdoor.supplier.id", visit.SupplierId); // clean precision-names
        span.Activity?.SetTag("backdoor.supplier.name", visit.SupplierName); // clean precision-names
        span.Activity?.SetTag("backdoor.rep.name", visit.RepName); // leak TC1001 direct
        span.Activity?.SetTag("backdoor.rep.mobile", visit.RepMobile); // leak TC1001 direct
        span.Activity?.SetTag(HqreceptionAttributes.Contact, "[not given]"); // clean generated-api
        span.SetHqreceptionNote($"{visit.SupplierName} rep at {visit.Store}"); // clean generated-api
        span.SetHqreceptionNote($"Call back {visit.RepMobile}"); // leak TC1001 generated-api

        TagRep(span.Activity, visit.RepName); // leak TC1001 cross-member
        TagRep(span.Activity, visit.SupplierName); // clean precision-names
        logger.LogInformation("Supplier visit {Visit}", visit); // leak TC1001 logging-objects
        logger.LogInformation("Supplier visit {Visit}", visit with { RepName = "-", RepMobile = "-" }); // clean logging-objects
        logger.LogInformation("Supplier {Supplier} at store {Store}", visit.SupplierName, visit.Store); // clean precision-names

        _visits.Add(1, new KeyValuePair<string, object?>("supplier", visit.SupplierId)); // clean precision-names
        _visits.Add(1, new KeyValuePair<string, object?>("rep", visit.RepMobile)); // leak TC1003 direct
        _operations.Add(1, visit.Store, "signed_in"); // clean generated-api
        _operations.Add(1, visit.Store, pseudonymizer.ComputeHqreceptionVisitorId(visit.RepMobile)); // leak TC1003 generated-api
        return Ok();
    }

    [HttpPost("pre-register")]
    public ActionResult PreRegister([FromBody] PreRegistration registration)
    {
        using var activity = Source.StartActivity("hq.visitor.preregister");
        var invite = $"Invite {registration.InviteId} for {registration.VisitorName} <{registration.VisitorEmail}>";
        activity?.SetTag("hq.invite.text", invite); // leak TC1001 strings
        var inviteRef = $"Invite {registration.InviteId} at {registration.Site} for {registration.ExpectedAt:yyyy-MM-dd}";
        activity?.SetTag("hq.invite.ref", inviteRef); // clean strings
        activity?.SetTag("hq.visitor.email_domain", registration.VisitorEmail[(registration.VisitorEmail.LastIndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("hq.visitor.email_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(registration.VisitorEmail.ToLowerInvariant())))); // leak TC1002 hashes
        var cohort = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(registration.VisitorEmail)))[..2];
        activity?.SetTag("hq.visitor.cohort", cohort); // clean hashes
        activity?.SetTag("hq.host", pseudonymizer.PseudonymizeHqreceptionHostId(registration.HostStaffId)); // clean precision-pseudonym
        LogPreRegistered(logger, registration.VisitorEmail, registration.Site); // clean precision-names

        try
        {
            throw new HostUnavailableException(registration.HostStaffId + "@retail.example");
        }
        catch (HostUnavailableException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Host not reached: {Type}", ex.GetType().Name); // clean exceptions
        }

        return Ok(registration.InviteId);
    }

    private static void TagRep(Activity? activity, string rep)
    {
        activity?.SetTag("backdoor.rep", rep); // leak TC1001 direct
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Visitor {Email} pre-registered for {Site}")]
    private static partial void LogPreRegistered(ILogger logger, [PrivateData] string email, string site);
}
