using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PrivacyHoldout56.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout56.Education;

public sealed record EnrolmentRequest(string StudentNumber, string CourseCode, string GuardianEmail, bool NeedsLearningSupport);

public sealed record Enrolment(string EnrolmentId, string CourseCode, string Status);

public interface IEnrolments
{
    Task<Enrolment> EnrolAsync(EnrolmentRequest request);

    Task<Enrolment[]> ForStudentAsync(string studentNumber);

    Task<int> WaitlistLengthAsync(string courseCode);
}

public static class EnrolmentEndpoints
{
    public static void MapEnrolments(this IEndpointRouteBuilder app, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger("Campus.Enrolments");
        var group = app.MapGroup("/enrolments");
        group.AddEndpointFilter<EnrolmentTracingFilter>();

        group.MapPost("/", async (EnrolmentRequest request, IEnrolments enrolments) => Results.Ok(await enrolments.EnrolAsync(request)));

        group.MapGet("/students/{studentNumber}", async (string studentNumber, IEnrolments enrolments) => Results.Ok(await enrolments.ForStudentAsync(studentNumber)))
            .AddEndpointFilter(async (context, next) =>
            {
                var studentNumber = context.GetArgument<string>(0);
                log.LogInformation("Listing enrolments of {StudentNumber}", studentNumber); // leak TC1001 cross-member
                return await next(context);
            });

        group.MapGet("/courses/{courseCode}/waitlist", async (string courseCode, IEnrolments enrolments) => Results.Ok(await enrolments.WaitlistLengthAsync(courseCode)))
            .AddEndpointFilter(async (context, next) =>
            {
                log.LogInformation("Waitlist of {CourseCode} requested", context.GetArgument<string>(0)); // clean cross-member
                return await next(context);
            });
    }
}

/// <summary>Traces every enrolment endpoint: the group's filter.</summary>
public sealed class EnrolmentTracingFilter(ILogger<EnrolmentTracingFilter> logger, Pseudonymizer pseudonymizer) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var span = Activity.Current.EnrichLearningRequest($"{http.Request.Method} enrolments");
        span.SetLearningArgumentCount(context.Arguments.Count); // clean precision-about
        Activity.Current?.SetTag("enrolment.argument_types", string.Join(",", context.Arguments.Select(a => a?.GetType().Name ?? "null"))); // clean precision-about
        Activity.Current?.SetTag("enrolment.path", http.Request.Path); // leak TC1001 cross-member
        logger.LogInformation("Enrolment endpoint called with {Arguments}", context.Arguments); // leak TC1001 logging-objects

        if (context.Arguments.OfType<EnrolmentRequest>().FirstOrDefault() is { } request)
        {
            span.SetLearningStudentId(pseudonymizer.PseudonymizeLearningStudentId(request.StudentNumber)); // clean precision-pseudonym
            span.SetLearningCourseCode(request.CourseCode); // clean direct
            Activity.Current?.SetTag("enrolment.learning_support", request.NeedsLearningSupport); // clean precision-about
            logger.LogDebug("Guardian contact at {GuardianDomain}", request.GuardianEmail[(request.GuardianEmail.IndexOf('@') + 1)..]); // clean precision-about
            Activity.Current?.SetTag(LearningAttributes.GuardianContact, request.GuardianEmail); // leak TC1001 generated-api
        }

        try
        {
            var result = await next(context);
            span.SetLearningOutcome(LearningOutcome.Ok);
            return result;
        }
        catch (Exception ex)
        {
            span.SetLearningOutcome(LearningOutcome.Failed).RecordException(ex); // clean exceptions
            throw;
        }
    }
}
