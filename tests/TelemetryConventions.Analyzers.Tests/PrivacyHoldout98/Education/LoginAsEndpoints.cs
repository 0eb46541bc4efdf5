namespace PrivacyHoldout98.Education;

/// <summary>
/// The student information system's "log in as" for the school office: a registrar signs in as a student or a
/// parent to reproduce what they see in the learner portal. Minimal API endpoints.
/// </summary>
public static class LoginAsEndpoints
{
    private static readonly ActivitySource Source = new("Schools.Sis.Admin");

    public static EndpointRoutes MapLoginAs(this EndpointRoutes routes)
    {
        routes.MapPost("/admin/login-as/student/{studentNumber}", StartForStudentAsync);
        routes.MapPost("/admin/login-as/parent/{parentEmail}", StartForParentAsync);
        return routes;
    }

    private static async Task<ActionResult> StartForStudentAsync(
        string studentNumber,
        string reasonCode,
        StaffPrincipal registrar,
        IImpersonationService impersonation,
        Pseudonymizer pseudonymizer,
        ILogger<ImpersonationSession> logger)
    {
        using var span = Source.StartSisadminImpersonation(reasonCode);
        span.SetSisadminStudentId(pseudonymizer.PseudonymizeSisadminStudentId(studentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("sis.login_as.kind", "student"); // clean precision-names
        span.Activity?.SetTag("sis.login_as.registrar", registrar.DisplayName); // leak TC1001 direct
        span.Activity?.SetTag("sis.login_as.registrar_role", registrar.Roles.FirstOrDefault()); // clean precision-names

        try
        {
            var session = await impersonation.StartAsync(registrar, new ImpersonationRequest(studentNumber, reasonCode, null));
            span.SetSisadminSessionId(session.SessionId.ToString()).SetSisadminOutcome("opened"); // clean generated-api
            logger.LogInformation("Registrar {Registrar} logged in as student {StudentNumber}", registrar.Upn, studentNumber); // leak TC1001 direct
            logger.LogInformation("Login-as session {@Session}", session); // leak TC1001 logging-objects
            logger.LogInformation("Login-as session {SessionId} until {ExpiresAt:t}, read-only {ReadOnly}", session.SessionId, session.ExpiresAt, session.ReadOnly); // clean precision-about
            OpenTelemetry.Baggage.SetBaggage("sis.acting_as", session.TargetId); // leak TC1001 cross-member
            OpenTelemetry.Baggage.SetBaggage("sis.login_as.session", session.SessionId.ToString()); // clean precision-names
            return new OkResult(session.SessionId);
        }
        catch (ImpersonationDeniedException ex) when (ex.Rule == "safeguarding_flag")
        {
            span.SetSisadminOutcome("denied").SetSisadminNote("student has a safeguarding flag"); // clean generated-api
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogSisadminAdminDeniedEvent("impersonate", "denied", pseudonymizer.PseudonymizeSisadminOperatorId(registrar.StaffId), pseudonymizer.PseudonymizeSisadminStudentId(studentNumber), ex.Rule); // clean generated-api
            return new BadRequestResult(ex.Rule);
        }
    }

    private static async Task<ActionResult> StartForParentAsync(
        string parentEmail,
        string reasonCode,
        StaffPrincipal registrar,
        IImpersonationService impersonation,
        Pseudonymizer pseudonymizer,
        ILogger<ImpersonationSession> logger)
    {
        using var span = Source.StartSisadminImpersonation(reasonCode);
        span.Activity?.SetTag(SisadminAttributes.StudentContact, parentEmail); // leak TC1001 generated-api
        span.Activity?.SetTag("sis.login_as.parent_domain", parentEmail[(parentEmail.IndexOf('@') + 1)..]); // clean precision-about
        span.SetSisadminOperatorId(pseudonymizer.PseudonymizeSisadminOperatorId(registrar.StaffId)); // clean precision-pseudonym

        var session = await impersonation.StartAsync(registrar, new ImpersonationRequest(parentEmail, reasonCode, null));
        var linkedStudents = session.Claims.TryGetValue("children", out var children) ? children.Split(' ') : [];
        span.Activity?.SetTag("sis.login_as.linked_students", linkedStudents.Length); // clean precision-about
        span.SetSisadminNote($"parent session for {string.Join(",", linkedStudents)}"); // leak TC1001 generated-api
        logger.LogInformation("Parent login-as {SessionId} opened for {ParentEmail}", session.SessionId, parentEmail); // leak TC1001 direct
        logger.LogInformation("Parent login-as claims {Claims}", session.Claims.Keys); // clean precision-names
        return new OkResult(session.SessionId);
    }
}
