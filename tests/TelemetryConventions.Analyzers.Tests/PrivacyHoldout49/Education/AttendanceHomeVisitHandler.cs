using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout49.Support;
using PrivacyHoldout49.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout49.Education;

public sealed record HomeVisitRequest(string CaseId, string StudentNumber, string StudentName, string GuardianPhone, string HomeAddress, string Postcode, string SchoolUrn, int AttendancePercent);

public sealed record HomeVisitOutcome(string CaseId, string OfficerStaffNumber, bool GuardianSeen, string Outcome, string? Notes, string? FollowUpJobId);

/// <summary>Education welfare officers visit the homes of persistently absent pupils; the dispatcher assigns the visits.</summary>
[ApiController]
[Route("api/welfare-visits")]
public sealed class AttendanceHomeVisitController(
    IWelfareCaseRepository cases,
    ILogger<AttendanceHomeVisitController> logger,
    Pseudonymizer pseudonymizer) : ControllerBase
{
    private static readonly ActivitySource Source = new("Education.WelfareVisits");

    [HttpPost("")]
    public async Task<ActionResult> Request([FromBody] HomeVisitRequest request)
    {
        using var span = Source.StartFieldVisit("welfare_home_visit");
        span.SetFieldJobId(request.CaseId); // clean generated-api
        span.SetFieldClientId(pseudonymizer.PseudonymizeFieldClientId(request.StudentNumber)); // clean generated-api
        span.SetFieldRegion(request.SchoolUrn); // clean precision-names
        Activity.Current?.SetTag("welfare.attendance_percent", request.AttendancePercent); // clean precision-about
        Activity.Current?.SetTag("welfare.postcode", request.Postcode); // leak TC1001 direct
        Activity.Current?.SetTag("welfare.postcode_district", request.Postcode.Split(' ')[0]); // clean precision-about
        TagGuardian(Activity.Current, request.GuardianPhone); // leak TC1001 cross-member
        if (string.IsNullOrEmpty(request.SchoolUrn))
        {
            throw new DispatchException($"Pupil {request.StudentNumber} is not on a school roll"); // leak TC1001 exceptions
        }

        if (await cases.HasOpenVisitAsync(request.StudentNumber))
        {
            logger.LogInformation("Visit already open for pupil {StudentNumber}", request.StudentNumber); // leak TC1001 direct
            return BadRequest("A visit is already open.");
        }

        var officer = await cases.AssignOfficerAsync(request.Postcode);
        logger.LogInformation("Case {CaseId} assigned to officer {OfficerStaffNumber}", request.CaseId, officer); // leak TC1001 direct
        logger.LogInformation("Case {CaseId} assigned to officer {Officer}", request.CaseId, pseudonymizer.ComputeFieldWorkerId(officer)); // clean precision-pseudonym
        logger.LogDebug("Visit request {@Request}", request); // leak TC1001 logging-objects
        return Ok(new { request.CaseId, officer });
    }

    [HttpPost("{caseId}/outcome")]
    public async Task<ActionResult> RecordOutcome(string caseId, [FromBody] HomeVisitOutcome outcome)
    {
        using var span = Source.StartFieldVisit("welfare_home_visit");
        span.SetFieldJobId(caseId); // clean precision-names
        span.SetFieldVisitOutcome(outcome.Outcome); // clean generated-api
        span.SetFieldVisitNote(outcome.Notes); // leak TC1001 generated-api
        span.AddFieldProofCapturedEvent(outcome.GuardianSeen ? "guardian_seen" : "card_left", fieldVisitNote: $"notes: {outcome.Notes?.Length ?? 0} chars"); // clean generated-api

        var request = await cases.GetAsync(caseId);
        if (request is null)
        {
            return NotFound();
        }

        if (!outcome.GuardianSeen)
        {
            var card = $"Sorry we missed you. Please call about {request.StudentName} on 0300 123 4567.";
            logger.LogInformation("Calling card left at {CaseId}: {Card}", caseId, card); // leak TC1001 strings
        }

        if (outcome.FollowUpJobId is { } followUp)
        {
            logger.LogInformation("Follow-up {FollowUpJobId} raised for case {CaseId}", followUp, caseId); // clean precision-names
            span.SetFieldVisitOutcome($"follow-up {followUp}"); // clean strings
        }

        return Ok();
    }

    private static void TagGuardian(Activity? activity, string guardianPhone)
    {
        activity?.SetTag("welfare.guardian_phone", guardianPhone); // leak TC1001 direct
    }
}

public interface IWelfareCaseRepository
{
    Task<bool> HasOpenVisitAsync(string studentNumber);

    Task<string> AssignOfficerAsync(string postcode);

    Task<HomeVisitRequest?> GetAsync(string caseId);
}
