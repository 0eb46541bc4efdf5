using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Logging;
using PrivacyHoldout56.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout56.Education;

/// <summary>Marks an action whose calls are written to the gradebook audit.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AuditedAttribute(string action) : Attribute
{
    public string Action { get; } = action;

    /// <summary>The parameter that names the student the action is about.</summary>
    public string? SubjectParameter { get; init; }
}

/// <summary>Keeps a parameter out of the argument tags.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class SensitiveAttribute : Attribute;

public sealed record MarkEntry(string CourseCode, string AssessmentId, decimal Mark, string MarkedByEmail);

public sealed record GuardianContact(string Name, string Email, string Mobile);

public sealed record CourseSummary(string CourseCode, int Students, decimal MeanMark);

/// <summary>Thrown by the gradebook when marks for the student are frozen for moderation.</summary>
public sealed class GradebookLockedException(string studentNumber, string courseCode)
    : Exception($"Marks of {studentNumber} in {courseCode} are locked for moderation.");

public interface IGradebook
{
    Task RecordMarkAsync(string studentNumber, MarkEntry entry);

    Task<CourseSummary> SummariseAsync(string courseCode);

    Task UpdateGuardianAsync(string studentNumber, GuardianContact contact);
}

[ApiController]
[Route("gradebook")]
[ServiceFilter(typeof(ActionArgumentsLoggingFilter))]
[ServiceFilter(typeof(ArgumentTagsFilter))]
[ServiceFilter(typeof(GradebookAuditFilter))]
public sealed class GradebookController(IGradebook gradebook) : ControllerBase
{
    [HttpPost("{studentNumber}/marks")]
    [Audited("record-mark", SubjectParameter = "studentNumber")]
    public async Task<IActionResult> RecordMark([FromRoute] string studentNumber, [FromBody] MarkEntry entry)
    {
        await gradebook.RecordMarkAsync(studentNumber, entry);
        return Ok();
    }

    [HttpGet("courses/{courseCode}/summary")]
    public async Task<IActionResult> Summary([FromRoute] string courseCode) => Ok(await gradebook.SummariseAsync(courseCode));

    [HttpPut("{studentNumber}/guardian")]
    [Audited("update-guardian", SubjectParameter = "studentNumber")]
    public async Task<IActionResult> UpdateGuardian([FromRoute] string studentNumber, [FromBody, Sensitive] GuardianContact contact)
    {
        await gradebook.UpdateGuardianAsync(studentNumber, contact);
        return Ok();
    }
}

/// <summary>Logs what every gradebook action was called with.</summary>
public sealed class ActionArgumentsLoggingFilter(ILogger<ActionArgumentsLoggingFilter> logger) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var action = context.ActionDescriptor.DisplayName;
        logger.LogInformation("Executing {Action}", action); // clean precision-names
        logger.LogDebug("Bound parameters {ParameterNames}", context.ActionArguments.Keys); // clean precision-names
        logger.LogDebug("Action arguments {@Arguments}", context.ActionArguments); // leak TC1001 logging-objects

        var executed = await next();
        if (executed.Exception is { } exception && !executed.ExceptionHandled)
        {
            logger.LogError(exception, "{Action} threw", action); // leak TC1001 exceptions
            Activity.Current?.SetTag("exception.type", exception.GetType().Name); // clean exceptions
        }
    }
}

/// <summary>Puts each bound argument on the request's span, except the ones marked [Sensitive].</summary>
public sealed class ArgumentTagsFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.ActionDescriptor is not ControllerActionDescriptor descriptor)
        {
            return;
        }

        var activity = Activity.Current;
        activity.EnrichLearningRequest($"{descriptor.ControllerName}.{descriptor.ActionName}").SetLearningArgumentCount(context.ActionArguments.Count); // clean precision-about
        foreach (var parameter in descriptor.MethodInfo.GetParameters())
        {
            if (parameter.IsDefined(typeof(SensitiveAttribute)))
            {
                activity?.SetTag($"gradebook.arg.{parameter.Name}.redacted", true); // clean precision-names
                continue;
            }

            if (context.ActionArguments.TryGetValue(parameter.Name!, out var value))
            {
                activity?.SetTag($"gradebook.arg.{parameter.Name}", value); // leak TC1001 cross-member
            }
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}

/// <summary>Reads [Audited] from the action and writes the audit trail.</summary>
public sealed class GradebookAuditFilter(
    ILogger<GradebookAuditFilter> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : IAsyncActionFilter
{
    private readonly Histogram<double> _marks = meter.CreateHistogram<double>("learning.marks");

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var descriptor = context.ActionDescriptor as ControllerActionDescriptor;
        var audited = descriptor?.MethodInfo.GetCustomAttribute<AuditedAttribute>();
        if (audited is null)
        {
            await next();
            return;
        }

        var subject = audited.SubjectParameter is { } name && context.ActionArguments.TryGetValue(name, out var value) ? value as string : null;
        var span = Activity.Current.EnrichLearningRequest(audited.Action);
        if (subject is not null)
        {
            span.SetLearningStudentId(pseudonymizer.PseudonymizeLearningStudentId(subject)); // clean precision-pseudonym
        }

        logger.LogInformation("Audit {AuditAction} keyed by parameter {SubjectParameter}", audited.Action, audited.SubjectParameter); // clean precision-names
        logger.LogInformation("Audit {AuditAction} on {Subject}", audited.Action, subject); // leak TC1001 cross-member

        var executed = await next();
        var outcome = executed.Exception is null ? LearningOutcome.Ok : LearningOutcome.Failed;
        span.SetLearningOutcome(outcome); // clean generated-api
        meter.CreateLearningRequestsCounter().Add(1, audited.Action, outcome); // clean generated-api

        if (context.ActionArguments.Values.OfType<MarkEntry>().FirstOrDefault() is { } entry)
        {
            var studentRef = subject is null ? (Pseudonym?)null : pseudonymizer.PseudonymizeLearningStudentId(subject);
            _marks.Record((double)entry.Mark, new KeyValuePair<string, object?>("learning.course.code", entry.CourseCode), new KeyValuePair<string, object?>("learning.student.id", studentRef?.Value)); // leak TC1003 precision-pseudonym
            if (executed.Exception is null)
            {
                logger.LogLearningGradeChangedEvent(entry.CourseCode, studentRef, audited.Action, learningNote: $"assessment {entry.AssessmentId}, mark {entry.Mark}"); // clean generated-api
            }
            else
            {
                logger.LogLearningGradeChangedEvent(entry.CourseCode, studentRef, audited.Action, learningNote: $"not recorded, marked by {entry.MarkedByEmail}", level: LogLevel.Warning); // leak TC1001 generated-api
            }
        }
    }
}
