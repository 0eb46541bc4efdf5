using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Support.Web;
using PrivacyHoldout31.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout31.Education;

/// <summary>
/// Session state of the parent and student portal: the signed-in student's number, the guardian's email
/// when a guardian is signed in, the student a guardian is acting for, and the selected term.
/// </summary>
public static class PortalSessionKeys
{
    public const string StudentNumber = "StudentNumber";
    public const string GuardianEmail = "GuardianEmail";
    public const string ActingFor = "ActingForStudent";
    public const string Term = "Term";

    /// <summary>The student's pseudonym, written at sign-in. Sessions from before portal 3.0 hold the raw student number here.</summary>
    public const string StudentRef = "StudentRef";
}

public sealed class PortalSessionMiddleware(Pseudonymizer pseudonymizer, ILogger<PortalSessionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        await context.Session.LoadAsync(context.RequestAborted);
        var session = context.Session;
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["SessionId"] = session.Id, ["SessionKeyCount"] = session.Keys.Count() }); // clean precision-about

        var activity = Activity.Current;
        activity?.SetTag("portal.session.id", session.Id); // clean precision-names
        activity?.SetTag("portal.term", session.GetString(PortalSessionKeys.Term)); // clean precision-about

        if (session.GetString(PortalSessionKeys.StudentRef) is { } studentRef)
        {
            activity.EnrichCacheLookup("portal-sessions").SetCacheSubjectId(Pseudonym.FromComputed(studentRef)); // leak TC1001 precision-pseudonym
        }

        var studentNumber = session.GetString(PortalSessionKeys.StudentNumber);
        if (studentNumber is not null)
        {
            activity?.SetTag("portal.student", pseudonymizer.ComputeCacheSubjectId(studentNumber)); // clean precision-pseudonym
        }

        var guardianEmail = session.GetString(PortalSessionKeys.GuardianEmail);
        if (guardianEmail is not null)
        {
            activity?.SetTag("portal.guardian.signed_in", true);
            activity?.SetTag(CacheAttributes.SubjectContact, guardianEmail); // leak TC1001 generated-api
            activity?.SetTag("portal.acting_for", session.GetString(PortalSessionKeys.ActingFor)); // leak TC1001 cross-member
        }

        logger.LogDebug("Session keys {Keys}", string.Join(",", session.Keys)); // clean precision-names
        await next();
        await context.Session.CommitAsync(context.RequestAborted);
    }
}

/// <summary>The support page dumps the session so the help desk can see what state a user is in.</summary>
public sealed class SessionDiagnostics(ILogger<SessionDiagnostics> logger)
{
    public void Dump(ISession session)
    {
        var contents = session.Keys.ToDictionary(k => k, k => session.GetString(k));
        logger.LogInformation("Session {SessionId} contents {@Contents}", session.Id, contents); // leak TC1001 logging-objects
    }

    public void SwitchStudent(ISession session, string studentNumber)
    {
        var previous = session.GetString(PortalSessionKeys.ActingFor);
        session.SetString(PortalSessionKeys.ActingFor, studentNumber);
        logger.LogInformation("Guardian switched from {Previous} to another child", previous); // leak TC1001 cross-member
        Activity.Current?.SetTag("portal.switch.first_selection", previous is null); // clean precision-about
    }
}
