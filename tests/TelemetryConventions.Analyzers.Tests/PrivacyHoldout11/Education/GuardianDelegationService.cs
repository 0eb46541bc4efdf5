using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Education;

public sealed class GuardianUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;
}

public sealed record GuardianLink(string GuardianUserId, string StudentNumber, string Relationship, bool HasParentalResponsibility, bool CourtOrderOnFile);

public interface IGuardianLinkStore
{
    Task<IReadOnlyList<GuardianLink>> ForGuardianAsync(string guardianUserId, CancellationToken cancellationToken = default);
}

public sealed class StudentNotLinkedException(string guardianEmail, string studentNumber)
    : InvalidOperationException($"Guardian {guardianEmail} is not linked to student {studentNumber}")
{
    public string StudentNumber { get; } = studentNumber;
}

/// <summary>
/// A parent or guardian switches the portal to one of their children: the session gets an actor
/// claim for the guardian and the child's student number as the subject of the view.
/// </summary>
public sealed class GuardianDelegationService(
    UserManager<GuardianUser> users,
    IGuardianLinkStore links,
    IAuthenticationService authentication,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<GuardianDelegationService> logger)
{
    public const string ActingForClaim = "acting_for";

    private static readonly ActivitySource Source = new("Learning.Guardians");

    public async Task<IResult> ActForStudentAsync(HttpContext http, string studentNumber)
    {
        var guardian = await users.GetUserAsync(http.User);
        if (guardian is null)
        {
            return Results.Unauthorized();
        }

        using var span = Source.StartAccessDelegated(AccessRelationship.Guardian);
        span.SetAccessActorId(pseudonymizer.PseudonymizeAccessActorId(guardian.Id)); // clean precision-pseudonym
        span.SetAccessSubjectId(pseudonymizer.PseudonymizeAccessSubjectId(studentNumber)); // clean precision-pseudonym

        try
        {
            var link = await FindLinkAsync(guardian, studentNumber, http.RequestAborted);
            Activity.Current?.SetTag("guardian.relationship", link.Relationship); // clean precision-about
            Activity.Current?.SetTag("guardian.parental_responsibility", link.HasParentalResponsibility);
            logger.LogDebug("Using guardian link {@Link}", link); // leak TC1001 logging-objects

            var identity = new ClaimsIdentity(http.User.Claims, "Cookies");
            identity.AddClaim(new Claim(ActingForClaim, studentNumber));
            await authentication.SignInAsync(http, "Cookies", new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });

            span.SetAccessDecision(AccessDecision.Granted);
            meter.CreateAccessDecisionsCounter().Add(1, AccessRelationship.Guardian, AccessDecision.Granted); // clean generated-api
            logger.LogInformation("Guardian {Guardian} now acting for {StudentNumber}", guardian.DisplayName, studentNumber); // leak TC1001 direct
            return Results.NoContent();
        }
        catch (StudentNotLinkedException ex)
        {
            span.SetAccessDecision(AccessDecision.Denied).RecordException(ex); // clean generated-api
            span.SetAccessReason(ex.Message); // leak TC1001 exceptions
            meter.CreateAccessDecisionsCounter().Add(1, AccessRelationship.Guardian, AccessDecision.Denied);
            return Results.Forbid();
        }
    }

    public async Task StopActingAsync(HttpContext http)
    {
        var actingFor = http.User.FindFirstValue(ActingForClaim);
        var guardianEmail = http.User.FindFirstValue(ClaimTypes.Email);
        var identity = new ClaimsIdentity(http.User.Claims.Where(c => c.Type != ActingForClaim), "Cookies");
        await authentication.SignInAsync(http, "Cookies", new ClaimsPrincipal(identity), null);

        Activity.Current?.AddEvent(new ActivityEvent("guardian.stop_acting", tags: new ActivityTagsCollection { ["was_acting"] = actingFor is not null })); // clean precision-about
        using (logger.BeginScope(new Dictionary<string, object?> { ["GuardianEmail"] = guardianEmail, ["StudentNumber"] = actingFor })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Guardian stopped acting for a student");
        }
    }

    private async Task<GuardianLink> FindLinkAsync(GuardianUser guardian, string studentNumber, CancellationToken cancellationToken)
    {
        var all = await links.ForGuardianAsync(guardian.Id, cancellationToken);
        Activity.Current?.SetTag("guardian.linked_students", all.Count); // clean precision-names
        return all.FirstOrDefault(l => l.StudentNumber == studentNumber)
            ?? throw new StudentNotLinkedException(guardian.Email ?? guardian.Id, studentNumber);
    }
}
