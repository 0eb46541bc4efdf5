using System;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Logging;
using PrivacyHoldout50.Telemetry;

namespace PrivacyHoldout50.Education;

/// <summary>A mark a lecturer records; <c>MarkedBy</c> is the lecturer's college email.</summary>
public sealed record GradeEntry(
    [property: Required, RegularExpression("^[A-F][*+-]?$|^U$")] string Mark,
    [property: MaxLength(2000)] string? Comment,
    [property: Required, EmailAddress] string MarkedBy);

public interface IGradeStore
{
    Task<bool> IsLockedAsync(string studentNumber, string assessmentId);

    Task SaveAsync(string studentNumber, string assessmentId, GradeEntry entry);
}

public sealed class GradebookLockedException(string studentNumber, string assessmentId)
    : Exception($"The grade book of {studentNumber} is locked for assessment {assessmentId}.");

[ApiController]
[Route("students/{studentNumber}/grades")]
[ServiceFilter(typeof(GradebookAuditFilter))]
public sealed class GradebookController(IGradeStore store) : ControllerBase
{
    [HttpPut("{assessmentId}")]
    public async Task<IActionResult> Record([FromRoute] string studentNumber, [FromRoute] string assessmentId, [FromBody] GradeEntry entry)
    {
        if (await store.IsLockedAsync(studentNumber, assessmentId))
        {
            throw new GradebookLockedException(studentNumber, assessmentId);
        }

        await store.SaveAsync(studentNumber, assessmentId, entry);
        return Ok();
    }
}

/// <summary>Audits every grade book action and turns a locked grade book into a 409.</summary>
public sealed class GradebookAuditFilter(ILogger<GradebookAuditFilter> logger, SchoolContext school) : IAsyncActionFilter
{
    private static readonly Meter GradebookMeter = new("Learning.Gradebook");
    private static readonly ApiFilterDurationHistogram FilterDuration = GradebookMeter.CreateApiFilterDurationHistogram();

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var action = context.ActionDescriptor.DisplayName;
        var template = context.ActionDescriptor.AttributeRouteInfo?.Template ?? "(conventional)";
        logger.LogInformation("Grade book action {Action} on {Template} at {School}", action, template, school.SchoolUrn); // clean cross-member
        logger.LogDebug("Grade book arguments {@Arguments}", context.ActionArguments); // leak TC1001 logging-objects
        logger.LogDebug("Grade book argument names {Names}", string.Join(",", context.ActionArguments.Keys)); // clean precision-names
        logger.LogDebug("Grade book action route {@ActionRoute}", context.ActionDescriptor.RouteValues); // clean logging-objects
        logger.LogDebug("Grade book request route {@RequestRoute}", context.RouteData.Values); // leak TC1001 logging-objects

        if (context.ActionArguments.TryGetValue("entry", out var value) && value is GradeEntry entry)
        {
            Activity.Current?.SetTag("grade.marked_by", entry.MarkedBy); // leak TC1001 direct
            Activity.Current?.SetTag("grade.comment_length", entry.Comment?.Length ?? 0); // clean precision-about
            Activity.Current?.SetTag("grade.mark", entry.Mark); // clean precision-about
        }

        var started = Stopwatch.GetTimestamp();
        var executed = await next();
        var outcome = executed.Exception is null ? "ok" : executed.Exception.GetType().Name;
        FilterDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, template, apiOutcome: outcome); // clean precision-names

        if (executed.Exception is GradebookLockedException locked && !executed.ExceptionHandled)
        {
            logger.LogWarning(locked, "Grade book write refused"); // leak TC1001 exceptions
            executed.Result = new ConflictObjectResult(new ProblemDetails { Title = "Grade book locked", Detail = locked.Message }); // clean exceptions
            executed.ExceptionHandled = true;
        }
    }
}

public static class GradebookModelStateLogging
{
    /// <summary>Logs why a grade book request failed model validation before the action ran.</summary>
    public static void Configure(ApiBehaviorOptions options, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger("Learning.Gradebook.ModelState");
        options.InvalidModelStateResponseFactory = context =>
        {
            foreach (var (field, entry) in context.ModelState)
            {
                if (entry.Errors.Count == 0)
                {
                    continue;
                }

                logger.LogInformation("Invalid {Field}: {Errors}", field, string.Join("; ", entry.Errors.Select(e => e.ErrorMessage))); // clean precision-names
                logger.LogDebug("Invalid {Field} was {AttemptedValue}", field, entry.AttemptedValue); // leak TC1001 direct
            }

            Activity.Current?.SetTag("validation.error_count", context.ModelState.ErrorCount); // clean precision-about
            return new BadRequestObjectResult(new ValidationProblemDetails(context.ModelState));
        };
    }
}
