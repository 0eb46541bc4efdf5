namespace PrivacyHoldout142.Energy;

/// <summary>An employee's enrolment in the wellness scheme. Prints employee number, name, work email, site, partner gym and plan.</summary>
public sealed record SchemeEnrolment(string EmployeeNumber, string Name, string WorkEmail, string Site, string PartnerGym, string Plan);

/// <summary>The partner gym's confirmation. Prints the partner, the partner's own membership number for the employee and the start date.</summary>
public sealed record PartnerConfirmation(string PartnerGym, string PartnerMembershipNumber, DateOnly StartsOn);

/// <summary>The partner gym network's enrolment API; not telemetry.</summary>
public interface IPartnerGymClient
{
    Task<PartnerConfirmation> EnrolAsync(SchemeEnrolment enrolment, CancellationToken cancellationToken = default);
}

/// <summary>Employees enrol in the subsidised gym scheme from the HR portal; leavers are taken off it.</summary>
[ApiController]
[Route("api/wellness/enrolments")]
public sealed class WellnessSchemeEnrolmentController(
    IPartnerGymClient partners,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<WellnessSchemeEnrolmentController> logger) : ControllerBase
{
    private readonly Counter<long> _enrolments = meter.CreateCounter<long>("wellpower.scheme.enrolments", "{enrolment}");
    private readonly UpDownCounter<int> _active = meter.CreateUpDownCounter<int>("wellpower.scheme.active", "{member}");
    private readonly Dictionary<string, string> _partnerNumbers = new(StringComparer.Ordinal);

    [HttpPost]
    public async Task<ActionResult> EnrolAsync([FromBody] SchemeEnrolment enrolment)
    {
        using var span = source.StartWellpowerOperation(enrolment.Site);
        span.SetWellpowerEmployeeId(pseudonymizer.PseudonymizeWellpowerEmployeeId(enrolment.EmployeeNumber)).SetWellpowerPlan(enrolment.Plan); // clean generated-api
        Activity.Current?.SetTag("wellpower.partner.gym", enrolment.PartnerGym); // clean precision-names
        Activity.Current?.SetTag("user.email", enrolment.WorkEmail); // leak TC1001 direct

        var confirmation = await partners.EnrolAsync(enrolment);
        _partnerNumbers[enrolment.EmployeeNumber] = confirmation.PartnerMembershipNumber;
        logger.LogInformation("Partner confirmed {Confirmation}", confirmation); // leak TC1001 logging-objects
        logger.LogInformation("Partner {PartnerGym} starts {StartsOn}", confirmation.PartnerGym, confirmation.StartsOn); // clean precision-about
        _enrolments.Add(1, new KeyValuePair<string, object?>("site", enrolment.Site), new("plan", enrolment.Plan)); // clean precision-names
        _enrolments.Add(1, new KeyValuePair<string, object?>("employee", enrolment.EmployeeNumber)); // leak TC1003 direct
        _active.Add(1, new KeyValuePair<string, object?>("partner", enrolment.PartnerGym)); // clean precision-names
        meter.CreateWellpowerEnrolmentsCounter().Add(1, wellpowerSite: enrolment.Site, wellpowerOutcome: "enrolled"); // clean generated-api
        return Ok();
    }

    [HttpGet("partner-numbers")]
    public ActionResult PartnerNumbers()
    {
        logger.LogInformation("Partner numbers held: {Count}", _partnerNumbers.Count); // clean precision-about
        logger.LogDebug("Partner numbers {Numbers}", string.Join(",", _partnerNumbers.Values)); // leak TC1001 cross-member
        return Ok();
    }

    [HttpPost("{employeeNumber}/leave")]
    public ActionResult Leave(string employeeNumber, string reasonCode)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["EmployeeRef"] = pseudonymizer.ComputeWellpowerEmployeeId(employeeNumber), ["ReasonCode"] = reasonCode }); // clean precision-pseudonym
        _active.Add(-1, new KeyValuePair<string, object?>("reason", reasonCode)); // clean precision-about
        _partnerNumbers.Remove(employeeNumber);
        var leaverKey = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(employeeNumber)));
        logger.LogInformation("Scheme leaver {LeaverKey}", leaverKey); // leak TC1002 hashes
        return Ok();
    }
}
