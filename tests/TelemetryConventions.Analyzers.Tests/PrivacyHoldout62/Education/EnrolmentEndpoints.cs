using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;

namespace PrivacyHoldout62.Education;

public sealed record EnrolStudentRequest(string StudentNumber, string CourseCode, string Term, string? GuardianEmail, bool FeeWaiverRequested);

public sealed record WithdrawRequest(string ReasonCode, string? Comment);

/// <summary>Filters of the enrolment list, bound from the query string.</summary>
public sealed record EnrolmentListQuery : PageRequest
{
    public string? CourseCode { get; init; }

    public string? Term { get; init; }

    public string? Status { get; init; }

    public string? StudentNumber { get; init; }
}

public sealed class EnrolStudentValidator : AbstractValidator<EnrolStudentRequest>
{
    public EnrolStudentValidator()
    {
        RuleFor(r => r.StudentNumber).Matches("^S[0-9]{7}$").WithMessage(r => $"Student number {r.StudentNumber} is not in the college format");
        RuleFor(r => r.CourseCode).NotEmpty().MaximumLength(20);
        RuleFor(r => r.Term).Matches("^[0-9]{4}-(AUT|SPR|SUM)$");
        RuleFor(r => r.GuardianEmail).EmailAddress();
    }
}

/// <summary>
/// The signed-in student, set per request by the portal's middleware from the access token:
/// <c>StudentNumber</c> is the raw student number, <c>StudentRef</c> the generated helper's
/// pseudonym of it (<c>ComputeEnrolmentStudentId</c>).
/// </summary>
public interface ICurrentStudent
{
    string StudentNumber { get; }

    string StudentRef { get; }

    string YearGroup { get; }
}

public sealed class EnrolmentEndpointsLog;

public static class EnrolmentEndpoints
{
    // The enrolment API registers no exception handler: an exception an endpoint lets escape is
    // logged with its message by the host's exception middleware.
    public static IEndpointRouteBuilder MapEnrolmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/enrolments").WithTags("Enrolments");
        group.MapPost("/", EnrolAsync).WithName("Enrol");
        group.MapGet("/", ListAsync).WithName("ListEnrolments");
        group.MapGet("/students/{studentNumber}", ListForStudentAsync).WithName("ListStudentEnrolments");
        group.MapGet("/me", ListMineAsync).WithName("ListMyEnrolments");
        group.MapDelete("/{enrolmentId}", WithdrawAsync).WithName("Withdraw");
        return app;
    }

    private static async Task<IResult> EnrolAsync(EnrolStudentRequest request, IValidator<EnrolStudentRequest> validator, IEnrolmentService enrolments, ILogger<EnrolmentEndpointsLog> logger, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            logger.LogWarning("Enrolment request failed validation: {Errors}", validation.ToDictionary()); // leak TC1001 logging-objects
            logger.LogInformation("Invalid fields: {Fields}", string.Join(", ", validation.Errors.Select(e => e.PropertyName))); // clean precision-names
            foreach (var failure in validation.Errors.Where(e => e.PropertyName == nameof(EnrolStudentRequest.CourseCode)))
            {
                logger.LogInformation("Unknown course code {CourseCode} attempted", failure.AttemptedValue); // clean direct
            }
            return Results.ValidationProblem(validation.ToDictionary());
        }

        var enrolment = await enrolments.EnrolAsync(request, cancellationToken);
        logger.LogInformation("Enrolment {EnrolmentId} created on {CourseCode} with status {Status}", enrolment.EnrolmentId, enrolment.CourseCode, enrolment.Status); // clean direct
        return Results.Created($"/api/enrolments/{enrolment.EnrolmentId}", enrolment);
    }

    private static async Task<IResult> ListAsync([AsParameters] EnrolmentListQuery query, IEnrolmentRepository repository, ILogger<EnrolmentEndpointsLog> logger, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, PageRequest.MaxPageSize);
        Activity.Current?.SetTag(EnrolmentAttributes.PageSize, pageSize); // clean precision-about
        Activity.Current?.SetTag("enrolment.sort", query.SortBy ?? nameof(EnrolmentDto.StudentName)); // clean precision-names
        if (query.StudentNumber is not null)
        {
            Activity.Current?.SetTag("enrolment.filter.student", query.StudentNumber); // leak TC1001 direct
        }

        logger.LogInformation("Listing enrolments for {CourseCode} in {Term}, status {Status}, page {Page}", query.CourseCode, query.Term, query.Status, query.Page); // clean direct
        Activity.Current?.SetTag("enrolment.listing", $"{query.CourseCode ?? "*"}:{query.Term ?? "current"}"); // clean strings
        var page = await repository.ListAsync(query with { PageSize = pageSize }, cancellationToken);
        logger.LogDebug("Returned {Count} enrolments, {TotalCount} in total, has next page: {HasNext}", page.Items.Count, page.TotalCount, page.HasNextPage);
        return Results.Ok(page);
    }

    private static async Task<IResult> ListForStudentAsync(string studentNumber, HttpContext httpContext, IEnrolmentRepository repository, ILogger<EnrolmentEndpointsLog> logger, CancellationToken cancellationToken)
    {
        logger.LogInformation("{Method} {Path}", httpContext.Request.Method, httpContext.Request.Path); // leak TC1001 strings
        if (Activity.Current is { } current) current.DisplayName = $"GET enrolments of {studentNumber}"; // leak TC1001 strings
        var enrolments = await repository.ListAsync(new EnrolmentListQuery { StudentNumber = studentNumber, PageSize = 50 }, cancellationToken);
        logger.LogInformation("Student has {Count} enrolments across {Terms} terms", enrolments.TotalCount, enrolments.Items.Select(e => e.Term).Distinct().Count()); // clean precision-about
        return Results.Ok(enrolments.Items);
    }

    private static async Task<IResult> ListMineAsync(ICurrentStudent student, IEnrolmentRepository repository, ILogger<EnrolmentEndpointsLog> logger, CancellationToken cancellationToken)
    {
        logger.LogInformation("Student {StudentRef} ({YearGroup}) listing own enrolments", student.StudentRef, student.YearGroup); // clean cross-member
        var page = await repository.ListAsync(new EnrolmentListQuery { StudentNumber = student.StudentNumber }, cancellationToken);
        if (page.TotalCount == 0)
        {
            logger.LogInformation("No enrolments yet for {StudentNumber}", student.StudentNumber); // leak TC1001 cross-member
        }
        return Results.Ok(page.Items);
    }

    private static async Task<IResult> WithdrawAsync(string enrolmentId, WithdrawRequest request, IEnrolmentService enrolments, ILogger<EnrolmentEndpointsLog> logger, CancellationToken cancellationToken)
    {
        logger.LogInformation("Withdrawal of {EnrolmentId} requested with reason {ReasonCode}", enrolmentId, request.ReasonCode); // clean direct
        await enrolments.WithdrawAsync(enrolmentId, request, cancellationToken);
        return Results.NoContent();
    }
}
