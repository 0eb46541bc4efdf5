using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Support.Web;
using PrivacyHoldout30.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout30.Education;

/// <summary>A registrar's correction of a recorded mark, made under a change ticket.</summary>
public sealed record GradeCorrection(string StudentNumber, string ModuleCode, string OldMark, string NewMark, string Reason, string TicketId);

/// <summary><c>POST /admin/marks/corrections</c> on the registry's back-office API.</summary>
public sealed class GradeCorrectionService(
    ISqlRunner sql,
    IAuditStore audit,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<GradeCorrectionService> logger)
{
    public async Task<IResult> ApplyAsync([FromBody] GradeCorrection correction, ClaimsPrincipal registrar, CancellationToken cancellationToken)
    {
        var registrarEmail = registrar.FindFirstValue(ClaimTypes.Email) ?? "unknown";
        var staffNumber = registrar.FindFirstValue("staff_number") ?? "unknown";

        using var span = source.StartOpsAdminAction("grade-correction");
        span.SetOpsTicket(correction.TicketId); // clean precision-names
        span.SetOpsOperatorId(pseudonymizer.PseudonymizeOpsOperatorId(staffNumber)); // clean precision-pseudonym
        span.SetOpsNote(correction.Reason); // leak TC1001 generated-api

        var updated = await sql.ExecuteAsync(
            "update marks set mark = @NewMark where student_number = @StudentNumber and module_code = @ModuleCode and mark = @OldMark",
            correction,
            cancellationToken);
        if (updated == 0)
        {
            logger.LogWarning("Correction {Ticket} matched no mark on module {Module}", correction.TicketId, correction.ModuleCode); // clean precision-names
            span.SetOpsOutcome("no-match"); // clean precision-names
            return Results.Problem("The recorded mark has changed since the correction was raised.", 409);
        }

        span.AddOpsCorrectionAppliedEvent("mark", $"{correction.OldMark} -> {correction.NewMark}", pseudonymizer.PseudonymizeOpsSubjectId(correction.StudentNumber)); // clean precision-pseudonym
        logger.LogOpsCorrectionAppliedEvent("mark", $"{correction.StudentNumber} {correction.ModuleCode}: {correction.OldMark} -> {correction.NewMark}"); // leak TC1001 generated-api
        logger.LogInformation("Grade correction applied: {Correction}", correction); // leak TC1001 logging-objects

        await audit.WriteAsync(new OperatorAuditRecord("grade-correction", registrarEmail, correction.StudentNumber, correction.TicketId, correction.Reason, DateTimeOffset.UtcNow), cancellationToken);
        logger.LogInformation("Audit row written for correction by {Registrar}", registrarEmail); // leak TC1001 direct
        logger.LogInformation("Audit row written for correction {Ticket} by a {Role}", correction.TicketId, registrar.FindFirstValue(ClaimTypes.Role)); // clean precision-names
        meter.CreateOpsAdminActionsCounter().Add(1, "grade-correction", "applied"); // clean precision-names
        return Results.NoContent();
    }
}
