using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyHoldout50.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout50.Education;

/// <summary>A learner invites a parent or carer to follow their progress.</summary>
public sealed record GuardianInvitation(string StudentNumber, string GuardianEmail, string Relationship);

public interface IInvitationService
{
    Task<Guid> InviteAsync(GuardianInvitation invitation, CancellationToken cancellationToken);
}

public interface ITimetableService
{
    Task<object> ForStudentAsync(string studentNumber, CancellationToken cancellationToken);
}

public static class LearnerEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/guardians/invitations", async (GuardianInvitation invitation, IInvitationService invitations, CancellationToken ct) =>
                Results.Accepted(value: new { invitationId = await invitations.InviteAsync(invitation, ct) }))
            .AddEndpointFilter<InvitationAuditFilter>();

        app.MapGet("/students/{studentNumber}/timetable", (string studentNumber, ITimetableService timetables, CancellationToken ct) => timetables.ForStudentAsync(studentNumber, ct))
            .AddEndpointFilter<OwnRecordFilter>();
    }
}

public sealed class InvitationAuditFilter(ILogger<InvitationAuditFilter> logger, Pseudonymizer pseudonymizer) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var invitation = context.GetArgument<GuardianInvitation>(0);
        logger.LogInformation("Invitation requested with {ArgumentCount} arguments: {Arguments}", context.Arguments.Count, context.Arguments); // leak TC1001 logging-objects

        var email = invitation.GuardianEmail;
        var activity = Activity.Current;
        activity?.SetTag("guardian.email_domain", email[(email.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("guardian.relationship", invitation.Relationship); // clean precision-names
        activity?.SetTag(ApiAttributes.CallerId, pseudonymizer.ComputeApiCallerId(invitation.StudentNumber)); // clean precision-pseudonym
        activity?.SetTag(ApiAttributes.CallerContact, pseudonymizer.ComputeApiCallerId(email)); // leak TC1001 precision-pseudonym

        var dedupeKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes($"{invitation.StudentNumber}|{email.ToLowerInvariant()}")));
        logger.LogDebug("Invitation dedupe key {DedupeKey}", dedupeKey); // leak TC1002 hashes

        var result = await next(context);
        logger.LogInformation("Invitation for a {Relationship} sent to {GuardianEmail}", invitation.Relationship, email); // leak TC1001 direct
        return result;
    }
}

/// <summary>A learner may only read their own timetable; staff tokens carry no student number and pass.</summary>
public sealed class OwnRecordFilter(ILogger<OwnRecordFilter> logger, SchoolContext school) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var requested = context.HttpContext.Request.RouteValues["studentNumber"] as string;
        if (school.StudentNumber is not null && !string.Equals(requested, school.StudentNumber, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Learner {LearnerRef} asked for the timetable of {RequestedStudent}", school.LearnerRef, requested); // leak TC1001 direct
            logger.LogApiAuthRejectedEvent("/students/{studentNumber}/timetable", apiCallerId: school.LearnerRef, apiRejectionReason: "not own record"); // clean precision-pseudonym
            Activity.Current?.SetTag(ApiAttributes.RejectionReason, $"asked for {requested}"); // leak TC1001 generated-api
            Activity.Current?.SetTag("learner.requested_same_campus", requested?[..2] == school.StudentNumber[..2]); // clean precision-about
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        logger.LogDebug("Timetable read by {LearnerRef} at {School}", school.LearnerRef, school.SchoolName); // clean precision-pseudonym
        Activity.Current?.SetTag("learner.student_number", school.StudentNumber); // leak TC1001 cross-member
        return await next(context);
    }
}
