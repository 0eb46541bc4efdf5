namespace PrivacyHoldout89.Healthcare;

/// <summary>An emergency ("break-glass") grant on one patient's record. A record: prints its members.</summary>
public sealed record EmergencyAccessGrant(
    string GrantId,
    string StaffNumber,
    string HospitalNumber,
    string ReasonCode,
    string Justification,
    DateTimeOffset GrantedAt,
    DateTimeOffset ExpiresAt);

/// <summary>What the clinician submits on the break-glass screen: a reason from the list and their own words.</summary>
public sealed record BreakGlassRequest(string ReasonCode, string Justification);

public interface IEmergencyAccessStore
{
    Task<EmergencyAccessGrant?> FindActiveAsync(string staffNumber, string hospitalNumber, CancellationToken cancellationToken);

    Task<int> CountTodayAsync(string staffNumber, CancellationToken cancellationToken);

    Task SaveAsync(EmergencyAccessGrant grant, CancellationToken cancellationToken);
}

public interface IPrivacyOfficeNotifier
{
    Task NotifyAsync(string subject, string body, CancellationToken cancellationToken);
}

public interface IPatientContacts
{
    /// <summary>The patient's preferred contact (a mobile or an email), or null when they opted out of access notices.</summary>
    Task<string?> PreferredContactAsync(string hospitalNumber, CancellationToken cancellationToken);
}

/// <summary>Thrown when a clinician has used up the day's break-glass allowance. Quotes the clinician and the patient.</summary>
public sealed class EmergencyAccessRefusedException(string staffNumber, string hospitalNumber, int usedToday)
    : Exception($"Break-glass refused for {staffNumber} on {hospitalNumber}: {usedToday} grants already today")
{
    public int UsedToday { get; } = usedToday;
}

/// <summary>Thrown when the reason code is not one of the trust's. Quotes only the code.</summary>
public sealed class UnknownReasonCodeException(IEnumerable<string> expected)
    : Exception($"Unknown break-glass reason code; expected one of {string.Join(", ", expected)}");

[ApiController]
[Route("patients/{hospitalNumber}/break-glass")]
public sealed class BreakGlassController(
    IEmergencyAccessStore grants,
    IDecisionAuditStore audit,
    IPrivacyOfficeNotifier privacyOffice,
    IPatientContacts patientContacts,
    ActivitySource source,
    ILogger<BreakGlassController> logger,
    Pseudonymizer pseudonymizer) : AuthorizedController
{
    private static readonly HashSet<string> ReasonCodes = new(StringComparer.Ordinal) { "unconscious", "deteriorating", "out_of_hours_cover", "safeguarding" };

    private const int DailyAllowance = 3;

    [HttpPost]
    [Authorize(Roles = "clinician,nurse,ahp")]
    public async Task<ActionResult> Declare(string hospitalNumber, [FromBody] BreakGlassRequest request)
    {
        var staffNumber = User.FindFirstValue("staff_number")!;
        using var span = source.StartClinicauthzAuthorize("BreakGlass");
        span.SetClinicauthzOperation("break_glass").SetClinicauthzAccessMode("break_glass");
        try
        {
            if (!ReasonCodes.Contains(request.ReasonCode))
            {
                throw new UnknownReasonCodeException(ReasonCodes);
            }
            var used = await grants.CountTodayAsync(staffNumber, Context.RequestAborted);
            if (used >= DailyAllowance)
            {
                throw new EmergencyAccessRefusedException(staffNumber, hospitalNumber, used);
            }

            var now = DateTimeOffset.UtcNow;
            var grant = new EmergencyAccessGrant("bg_" + Guid.NewGuid().ToString("N")[..12], staffNumber, hospitalNumber, request.ReasonCode, request.Justification, now, now.AddHours(4));
            await grants.SaveAsync(grant, Context.RequestAborted);
            await audit.AppendAsync(grant, Context.RequestAborted);
            await privacyOffice.NotifyAsync($"Break-glass on {hospitalNumber}", $"{staffNumber}: {request.Justification}", Context.RequestAborted);

            span.SetClinicauthzDecision("allow");
            span.SetClinicauthzGrantId(grant.GrantId); // clean precision-names
            span.SetClinicauthzNote($"reason={grant.ReasonCode}; window={(grant.ExpiresAt - grant.GrantedAt).TotalHours}h; used_today={used + 1}"); // clean generated-api
            span.SetClinicauthzNote(request.Justification); // leak TC1001 generated-api
            logger.LogClinicauthzEmergencyAccessEvent(grant.GrantId, "break_glass", clinicauthzSubjectId: pseudonymizer.PseudonymizeClinicauthzSubjectId(hospitalNumber), clinicauthzActorId: pseudonymizer.PseudonymizeClinicauthzActorId(staffNumber)); // clean precision-pseudonym
            logger.LogInformation("Break-glass declared: {@Grant}", grant); // leak TC1001 logging-objects
            logger.LogInformation("Break-glass {GrantId} for reason {ReasonCode}, justification of {Length} characters", grant.GrantId, grant.ReasonCode, grant.Justification.Length); // clean precision-about
            Activity.Current?.SetTag("clinicauthz.break_glass.reason", grant.ReasonCode); // clean precision-names
            Activity.Current!.DisplayName = $"break-glass {grant.ReasonCode}"; // clean strings

            // Patients who asked for access notices are told when their record was opened under break-glass.
            var contact = await patientContacts.PreferredContactAsync(hospitalNumber, Context.RequestAborted);
            if (contact is not null)
            {
                Activity.Current?.SetTag(ClinicauthzAttributes.SubjectContact, pseudonymizer.Pseudonymize("patient_contact", contact)); // leak TC1001 precision-pseudonym
                logger.LogInformation("Access notice queued by {Channel}", contact.Contains('@') ? "email" : "sms"); // clean precision-about
            }
            return Ok(new { grant.GrantId, grant.ExpiresAt });
        }
        catch (UnknownReasonCodeException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return BadRequest(ex.Message);
        }
        catch (EmergencyAccessRefusedException ex)
        {
            logger.LogClinicauthzAccessDeniedEvent("BreakGlass", "allowance_used", clinicauthzNote: ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Break-glass allowance used: {Used} grants today", ex.UsedToday); // clean precision-about
            span.RecordException(ex); // clean exceptions
            return Problem(new ProblemDetails { Status = 429, Title = "Break-glass allowance used", Detail = ex.Message });
        }
    }

    [HttpGet("/break-glass/review")]
    [Authorize(Roles = "privacy_officer")]
    public async Task<ActionResult> Review([FromBody] IReadOnlyList<EmergencyAccessGrant> expiring)
    {
        var byReason = expiring.GroupBy(g => g.ReasonCode).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Break-glass review: {Counts}", string.Join(", ", byReason.Select(kv => $"{kv.Key}={kv.Value}"))); // clean precision-about
        var frequent = expiring.GroupBy(g => g.StaffNumber).Where(g => g.Count() > 2).Select(g => g.Key).ToList();
        logger.LogWarning("Staff with repeated break-glass this week: {StaffNumbers}", frequent); // leak TC1001 logging-objects
        logger.LogInformation("Repeat users this week: {Count}", frequent.Count); // clean precision-about
        await Task.CompletedTask;
        return Ok(byReason);
    }
}
