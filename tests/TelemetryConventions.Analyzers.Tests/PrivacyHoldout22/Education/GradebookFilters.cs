using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout22.Telemetry;

namespace PrivacyHoldout22.Education;

public sealed class GradebookLockedException(string studentNumber, string term)
    : InvalidOperationException($"The gradebook of {studentNumber} for {term} is locked after moderation.")
{
    public string Term { get; } = term;
}

public sealed class CourseArchivedException(string courseCode)
    : InvalidOperationException($"Course {courseCode} is archived.");

public sealed record GradeChange(string AssignmentId, decimal Mark, string? Comment);

/// <summary>The grade book API; <see cref="ActionAuditFilter"/> is a global filter over it.</summary>
[ApiController]
[Route("api")]
public sealed class GradebookController : ControllerBase
{
    [HttpGet("students/{studentNumber}/grades")]
    public ActionResult GetGrades(string studentNumber, string? term) => Ok(new { studentNumber, term });

    [HttpPost("students/{studentNumber}/grades")]
    public ActionResult ChangeGrade(string studentNumber, [FromBody] GradeChange change)
    {
        if (change.Mark > 100)
        {
            return BadRequest("Mark out of range");
        }

        throw new GradebookLockedException(studentNumber, "2024-T2");
    }

    [HttpPost("courses/{courseCode}/archive")]
    public ActionResult Archive(string courseCode) => throw new CourseArchivedException(courseCode);
}

/// <summary>Logs what each grade book action was called with and turns its known exceptions into 409s.</summary>
public sealed class ActionAuditFilter(ILogger<ActionAuditFilter> logger) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var action = context.ActionDescriptor.DisplayName;
        var template = context.ActionDescriptor.AttributeRouteInfo?.Template;
        logger.LogDebug("Executing {Action} ({Template}) with {@Arguments}", action, template, context.ActionArguments); // leak TC1001 logging-objects
        logger.LogDebug("Executing {Action} ({Template}) with arguments {ArgumentNames}", action, template, string.Join(",", context.ActionArguments.Keys)); // clean precision-names

        var started = Stopwatch.GetTimestamp();
        var executed = await next();
        var elapsed = Stopwatch.GetElapsedTime(started);

        if (executed.Exception is InvalidOperationException conflict)
        {
            // Both GradebookLockedException and CourseArchivedException land here.
            logger.LogWarning(conflict, "{Action} refused after {ElapsedMs} ms", action, elapsed.TotalMilliseconds); // leak TC1001 exceptions
            Activity.Current?.AddGatewayRejectedEvent(conflict.GetType().Name, template); // clean generated-api
            Activity.Current?.AddGatewayRejectedEvent(conflict.Message, template); // leak TC1001 generated-api
            executed.Result = new BadRequestResult("The grade book cannot be changed now.");
            executed.ExceptionHandled = true;
        }
        else
        {
            logger.LogDebug("{Action} completed in {ElapsedMs} ms with {ArgumentCount} arguments", action, elapsed.TotalMilliseconds, context.ActionArguments.Count); // clean precision-about
        }
    }
}
