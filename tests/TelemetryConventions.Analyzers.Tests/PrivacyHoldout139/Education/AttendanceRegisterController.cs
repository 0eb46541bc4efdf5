namespace PrivacyHoldout139.Education;

public sealed record MarkRequest(string Upn, string Session, string Code, string? Comment);

public sealed record AbsenceReport(string Upn, DateOnly From, DateOnly To, string ReasonCode, string ParentNote, string ReportedByEmail);

/// <summary>The register API the trust's teacher app and parent app call: marks per session and absences reported by parents.</summary>
[ApiController]
[Route("api/schools/{schoolUrn}/attendance")]
public sealed class AttendanceRegisterController(
    IMisClient mis,
    IParentMessenger messenger,
    SchoolPlatformOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<AttendanceRegisterController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Attendance");
    private static readonly Meter Meter = new("Trust.Attendance");
    private static readonly Counter<long> Marks = Meter.CreateCounter<long>("attendance.marks", "{mark}");
    private static readonly Counter<long> FirstDayContacts = Meter.CreateCounter<long>("attendance.first_day_contacts");

    [HttpPost("{regGroup}/{date}")]
    public async Task<ActionResult> TakeRegister(string schoolUrn, string regGroup, DateOnly date, [FromBody] IReadOnlyList<MarkRequest> marks, CancellationToken ct)
    {
        using var span = Source.StartSchoolmisOperation(schoolUrn);
        var teacher = HttpContext.User.SubjectId ?? "unknown";
        span.SetSchoolmisStaffId(pseudonymizer.PseudonymizeSchoolmisStaffId(teacher)); // clean generated-api
        span.Activity?.SetTag("register.group", regGroup); // clean precision-names
        span.Activity?.SetTag("register.taken_by", HttpContext.User.Email); // leak TC1001 direct

        var writes = marks.Select(m => new AttendanceMark(m.Upn, date, m.Session, m.Code, m.Comment)).ToList();
        try
        {
            await mis.WriteMarksAsync(schoolUrn, writes, ct);
        }
        catch (RegisterLockedException ex)
        {
            span.Activity?.AddException(ex); // clean exceptions
            logger.LogWarning("Register locked: {Message}", ex.Message); // clean exceptions
            return BadRequest("register locked");
        }
        catch (PupilNotFoundException ex)
        {
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Mark refused for {Upn}", ex.Upn); // leak TC1001 cross-member
            return NotFound();
        }

        foreach (var byCode in writes.GroupBy(w => w.Code))
        {
            Marks.Add(byCode.Count(), new("school.urn", schoolUrn), new("code", byCode.Key)); // clean precision-about
        }
        var absent = writes.Where(w => w.Code != AttendanceCodes.Present && w.Code != AttendanceCodes.Late).ToList();
        span.Activity?.SetTag("register.absent", absent.Count); // clean precision-about
        logger.LogInformation("Register {RegGroup} {Date} taken: {Marks}", regGroup, date, writes); // leak TC1001 logging-objects
        logger.LogInformation("Register {RegGroup} {Date} taken with codes {Codes}", regGroup, date, string.Join("", writes.Select(w => w.Code))); // clean strings
        if (absent.Count > 0)
        {
            logger.LogInformation("Absent in {RegGroup}: {Absent}", regGroup, string.Join(", ", absent.Select(a => $"{a.Upn} ({a.Code})"))); // leak TC1001 strings
        }
        foreach (var mark in writes.Where(w => !string.IsNullOrWhiteSpace(w.Comment)))
        {
            span.Activity?.AddEvent(new ActivityEvent("register.comment", tags: new ActivityTagsCollection { ["length"] = mark.Comment!.Length })); // clean precision-about
            logger.LogDebug("Office comment on {Code}: {Comment}", mark.Code, mark.Comment); // leak TC1001 direct
        }
        return Ok(new { written = writes.Count });
    }

    [HttpPost("absences")]
    public async Task<ActionResult> ReportAbsence(string schoolUrn, [FromBody] AbsenceReport report, CancellationToken ct)
    {
        using var span = Source.StartSchoolmisOperation(schoolUrn)
            .SetSchoolmisPupilId(pseudonymizer.PseudonymizeSchoolmisPupilId(report.Upn)) // clean generated-api
            .SetSchoolmisAbsenceCode(report.ReasonCode); // clean precision-names
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["School"] = schoolUrn, ["Upn"] = report.Upn }); // leak TC1001 logging-objects
        span.SetSchoolmisNote($"parent reported {report.To.DayNumber - report.From.DayNumber + 1} day(s), code {report.ReasonCode}"); // clean generated-api
        span.Activity?.SetTag(SchoolmisAttributes.Contact, report.ReportedByEmail); // leak TC1001 generated-api
        span.Activity?.SetTag("absence.note.words", report.ParentNote.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        span.Activity?.SetTag("absence.note", report.ParentNote); // leak TC1001 direct
        logger.LogInformation("Absence reported: {Report}", report); // leak TC1001 logging-objects
        logger.LogInformation("Absence reported for code {Code} from {From} to {To}, authorised {Authorised}", report.ReasonCode, report.From, report.To, AttendanceCodes.IsAuthorisedAbsence(report.ReasonCode)); // clean precision-about

        var pupil = await mis.GetPupilAsync(report.Upn, ct);
        if (pupil is null)
        {
            logger.LogWarning("Absence report for unknown pupil {Upn} from {Email}", report.Upn, report.ReportedByEmail); // leak TC1001 direct
            return NotFound();
        }
        logger.LogInformation("Absence for {YearGroup} pupil, FSM {Fsm}, SEN {Sen}", pupil.YearGroup, pupil.FreeSchoolMeals, pupil.SenProvision ?? "none"); // clean precision-about
        logger.LogInformation("Absence for {Name} in {RegGroup}", pupil.PreferredName, pupil.RegGroup); // leak TC1001 cross-member
        return Ok();
    }

    [HttpPost("first-day-calls")]
    public async Task<ActionResult> FirstDayCalls(string schoolUrn, [FromBody] IReadOnlyList<string> unexplainedUpns, CancellationToken ct)
    {
        using var span = Source.StartSchoolmisOperation(schoolUrn);
        span.SetSchoolmisPupilCount(unexplainedUpns.Count); // clean precision-about
        foreach (var upn in unexplainedUpns)
        {
            var contacts = await mis.GetContactsAsync(upn, ct);
            var first = contacts.OrderBy(c => c.Priority).FirstOrDefault();
            if (first is null)
            {
                logger.LogWarning("No contact on file for {Upn}", upn); // leak TC1001 direct
                continue;
            }
            var body = $"Dear {first.Name}, we have not received a reason for today's absence. Please call the office.";
            try
            {
                var receipt = await messenger.SendAsync(new ParentMessage(options.AbsenceFirstDayTemplateId, first.Email, first.Mobile, body), ct);
                logger.LogInformation("First-day message {Receipt}", receipt); // clean logging-objects
                FirstDayContacts.Add(1, new KeyValuePair<string, object?>("channel", receipt.Channel), new KeyValuePair<string, object?>("relationship", first.Relationship)); // clean precision-names
            }
            catch (MessageDeliveryException ex)
            {
                logger.LogWarning(ex, "First-day message not delivered"); // leak TC1001 exceptions
                span.Activity?.SetTag("delivery.status", ex.Status); // clean exceptions
                logger.LogDebug("Undelivered text was: {Body}", body); // leak TC1001 strings
            }
        }
        return Ok();
    }
}
