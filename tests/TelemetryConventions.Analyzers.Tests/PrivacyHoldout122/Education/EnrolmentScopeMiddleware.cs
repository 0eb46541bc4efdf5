namespace PrivacyHoldout122.Education;

/// <summary>The enrolment context every request of the identity step carries: who is enrolling and where.</summary>
public sealed class EnrolmentContext
{
    public string StudentNumber { get; set; } = string.Empty;

    public string ApplicantId { get; set; } = string.Empty;

    public string Campus { get; set; } = string.Empty;

    public string CourseCode { get; set; } = string.Empty;

    public string? PersonalEmail { get; set; }
}

/// <summary>Opens a logging scope and tags the server span with the enrolment context, then runs the step.</summary>
public sealed class EnrolmentScopeMiddleware(EnrolmentContext context, Pseudonymizer pseudonymizer, ILogger<EnrolmentScopeMiddleware> logger)
{
    public async Task InvokeAsync(Func<Task> next)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["StudentNumber"] = context.StudentNumber, ["Campus"] = context.Campus }); // leak TC1001 cross-member
        using var courseScope = logger.BeginScope("Enrolment on {CourseCode} at {Campus}", context.CourseCode, context.Campus); // clean cross-member
        using var safeScope = logger.BeginScope(new Dictionary<string, object?> { ["Student"] = pseudonymizer.ComputeEnrolidvStudentId(context.StudentNumber) }); // clean precision-pseudonym
        Activity.Current?.SetTag("enrolment.applicant", context.ApplicantId); // leak TC1001 cross-member
        Activity.Current?.SetTag("enrolment.course", context.CourseCode); // clean precision-names
        Activity.Current?.SetTag("enrolment.contact", context.PersonalEmail ?? "none"); // leak TC1001 cross-member
        Activity.Current?.SetTag("enrolment.key", string.Concat(context.Campus, "/", context.StudentNumber)); // leak TC1001 strings
        try
        {
            await next();
        }
        catch (VeriDocApiException ex) when (ex.StatusCode == 422)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.Type); // clean exceptions
            throw;
        }
    }
}
