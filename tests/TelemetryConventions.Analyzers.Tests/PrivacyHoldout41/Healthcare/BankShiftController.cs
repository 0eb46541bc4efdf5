using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout41.Healthcare;

/// <summary>A nurse's request to work an extra (bank) shift on a ward.</summary>
public sealed record BankShiftRequest(string RequestId, string StaffNumber, string WardCode, DateTimeOffset ShiftStart, int Hours, string Band);

/// <summary>A ward manager's decision; the reason comes from the e-roster's drop-down.</summary>
public sealed record BankShiftDecision(bool Approved, string? ReasonCode);

public interface IRosterStore
{
    Task<BankShiftRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default);

    Task<int> HoursThisWeekAsync(string staffNumber, DateTimeOffset weekOf, CancellationToken cancellationToken = default);

    Task SaveAsync(BankShiftRequest request, CancellationToken cancellationToken = default);

    Task RecordDecisionAsync(string requestId, BankShiftDecision decision, string decidedBy, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BankShiftRequest>> PendingForWardAsync(string wardCode, CancellationToken cancellationToken = default);
}

[ApiController]
[Route("api/bank-shifts")]
public sealed class BankShiftController(
    IRosterStore roster,
    IEmployeeDirectory directory,
    Pseudonymizer pseudonymizer,
    ILogger<BankShiftController> logger,
    Meter meter) : ControllerBase
{
    private const int WorkingTimeLimit = 48;
    private static readonly ActivitySource Source = new("Trust.ERoster.BankShifts");
    private readonly Counter<long> _requests = meter.CreateCounter<long>("eroster.bank_shift.requests");

    [HttpPost("")]
    public async Task<ActionResult> Submit([FromBody] BankShiftRequest request)
    {
        using var activity = Source.StartActivity("bank-shift.submit");
        activity?.SetTag("eroster.ward", request.WardCode); // clean precision-names
        activity?.SetTag("eroster.staff_number", request.StaffNumber); // leak TC1001 direct
        activity?.SetTag("eroster.shift_hours", request.Hours); // clean precision-about

        var employee = await directory.FindAsync(request.StaffNumber);
        if (employee is null)
        {
            logger.LogWarning("Bank shift request {RequestId} names no member of staff", request.RequestId); // clean precision-names
            return NotFound("Unknown staff number.");
        }

        var hoursThisWeek = await roster.HoursThisWeekAsync(request.StaffNumber, request.ShiftStart);
        if (hoursThisWeek + request.Hours > WorkingTimeLimit)
        {
            logger.LogWarning("Working time limit: {StaffNumber} would reach {Hours}h in the week of {Week}", request.StaffNumber, hoursThisWeek + request.Hours, request.ShiftStart.Date); // leak TC1001 direct
            activity?.SetTag("eroster.over_limit_by", hoursThisWeek + request.Hours - WorkingTimeLimit); // clean precision-about
            return BadRequest("The shift would take you over 48 hours this week.");
        }

        await roster.SaveAsync(request);
        logger.LogInformation("Bank shift request from {Name} for {Ward}", employee.DisplayName, request.WardCode); // leak TC1001 cross-member
        _requests.Add(1, new KeyValuePair<string, object?>("ward", request.WardCode), new KeyValuePair<string, object?>("band", employee.Grade)); // clean precision-names
        activity?.SetTag("eroster.requester", pseudonymizer.ComputeWorkforceEmployeeId(request.StaffNumber)); // clean precision-pseudonym
        return Ok(new { request.RequestId });
    }

    [HttpPost("{requestId}/decision")]
    public async Task<ActionResult> Decide(string requestId, [FromBody] BankShiftDecision decision)
    {
        var request = await roster.GetAsync(requestId);
        if (request is null)
        {
            return NotFound();
        }

        var decidedBy = HttpContext.User.Email ?? "unknown";
        using var approval = Source.StartWorkforceApproval(pseudonymizer.PseudonymizeWorkforceEmployeeId(request.StaffNumber)); // clean precision-pseudonym
        approval.SetWorkforceSite(request.WardCode);
        approval.SetWorkforceOutcome(decision.Approved ? "approved" : "declined"); // clean precision-names

        await roster.RecordDecisionAsync(requestId, decision, decidedBy);
        logger.LogInformation("Bank shift {RequestId} decided by {DecidedBy}", requestId, decidedBy); // leak TC1001 cross-member
        meter.CreateWorkforceApprovalsCounter().Add(1, "nursing", decision.Approved ? "approved" : $"declined:{decision.ReasonCode}"); // clean precision-names

        if (!decision.Approved && decision.ReasonCode == "other")
        {
            approval.AddWorkforceRecordRejectedEvent($"declined for {request.StaffNumber} without a listed reason"); // leak TC1001 generated-api
        }
        return Ok();
    }

    [HttpGet("ward/{wardCode}/unfilled")]
    public async Task<ActionResult> Unfilled(string wardCode)
    {
        var pending = await roster.PendingForWardAsync(wardCode);
        var applicants = pending.Where(p => p.WardCode == wardCode).Select(p => p.StaffNumber).Distinct().ToList();
        Activity.Current?.SetTag("eroster.applicants", applicants.Count); // clean precision-about
        logger.LogDebug("Ward {Ward} has bank applicants {Applicants}", wardCode, string.Join(",", applicants)); // leak TC1001 logging-objects
        return Ok(applicants.Count);
    }
}
