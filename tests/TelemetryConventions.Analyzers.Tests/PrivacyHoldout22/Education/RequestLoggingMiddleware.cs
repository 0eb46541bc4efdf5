using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout22.Education;

/// <summary>The learning platform's routes, as mapped in Program.cs.</summary>
public static class LmsRoutes
{
    public const string Grades = "/students/{studentNumber}/grades";
    public const string Submissions = "/courses/{courseCode}/assignments/{assignmentId}/submissions";
    public const string GuardianLookup = "/guardians?email={email}";
    public const string Enrolments = "/enrolments";
}

public sealed class LmsLoggingOptions
{
    public bool LogBodies { get; set; }

    public int MaxBodyLength { get; set; } = 16_384;
}

/// <summary>
/// The platform's request logging, written before the team moved to HTTP logging. Every request of
/// the routes above passes through it; enrolment and guardian forms post student numbers, names and
/// guardians' emails as JSON.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger, LmsLoggingOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        var school = context.User.FindFirst("school")?.Value ?? "unknown";
        var studentNumber = context.User.FindFirst("student_number")?.Value;

        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["School"] = school, ["StudentNumber"] = studentNumber }); // leak TC1001 logging-objects
        using var schoolScope = logger.BeginScope(new Dictionary<string, object?> { ["School"] = school, ["TraceId"] = context.TraceIdentifier }); // clean precision-names

        logger.LogInformation("HTTP {Method} {Path}{Query} started", request.Method, request.Path, request.QueryString); // leak TC1001 strings
        logger.LogDebug("Request headers present: {HeaderNames}", string.Join(", ", request.Headers.Keys.Order())); // clean precision-names
        logger.LogTrace("Request headers {@Headers}", request.Headers); // leak TC1001 logging-objects

        if (options.LogBodies && request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true && request.ContentLength <= options.MaxBodyLength)
        {
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            request.Body.Position = 0;
            logger.LogDebug("Request body ({Length} chars): {Body}", body.Length, body); // leak TC1001 strings
            logger.LogDebug("Request body of {ContentType}, {Length} chars", request.ContentType, body.Length); // clean precision-about
        }

        await next(context);

        var endpoint = context.GetEndpoint() as RouteEndpoint;
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        logger.LogInformation("HTTP {Method} {Route} responded {StatusCode} in {ElapsedMs:0.0} ms", request.Method, endpoint?.RoutePattern.RawText, context.Response.StatusCode, elapsed); // clean precision-names
        logger.LogDebug("Route values {@RouteValues}", request.RouteValues); // leak TC1001 logging-objects
        logger.LogDebug("Route parameters {Parameters}", string.Join(",", request.RouteValues.Keys)); // clean precision-names

        if (context.Response.StatusCode == StatusCodes.Status403Forbidden)
        {
            logger.LogWarning("Forbidden: {User} on {Route}", context.User.Identity?.Name, endpoint?.RoutePattern.RawText); // leak TC1001 direct
            logger.LogWarning("Forbidden: a {Role} on {Route}", context.User.FindFirst("role")?.Value, endpoint?.RoutePattern.RawText); // clean precision-names
        }
    }
}

/// <summary>Tags the server span with what the grade book routes name.</summary>
public sealed class GradebookSpanMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("lms.course", context.GetRouteValue("courseCode") as string); // clean precision-names
        activity?.SetTag("lms.assignment", context.GetRouteValue("assignmentId") as string); // clean precision-names
        activity?.SetTag("lms.student", context.GetRouteValue("studentNumber") as string); // leak TC1001 direct
        activity?.SetTag("lms.student_route", context.Request.RouteValues.ContainsKey("studentNumber")); // clean precision-about
        return next(context);
    }
}
