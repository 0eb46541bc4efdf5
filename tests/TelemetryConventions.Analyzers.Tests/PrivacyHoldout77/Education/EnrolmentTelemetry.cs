namespace PrivacyHoldout77.Education;

internal static partial class EnrolmentLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolment {Request} adapted from contract {From}")]
    public static partial void Adapted(ILogger logger, EnrolmentRequestV2 request, string from);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guardian contact of {StudentNumber} patched at {Pointer}")]
    public static partial void GuardianPatched(ILogger logger, string studentNumber, string pointer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contract {Version} served {Count} requests this hour")]
    public static partial void ContractUsage(ILogger logger, string version, int count);
}

public sealed class EnrolmentTelemetry(ILogger<EnrolmentTelemetry> logger)
{
    public void Adapted(EnrolmentRequestV2 request, int requestsThisHour)
    {
        EnrolmentLog.Adapted(logger, request, "1.0"); // leak TC1001 logging-objects
        EnrolmentLog.ContractUsage(logger, "1.0", requestsThisHour); // clean precision-about
        using (logger.BeginScope("Enrolment of {StudentNumber}", request.Student.Number)) // leak TC1001 direct
        using (logger.BeginScope(new Dictionary<string, object> { ["contract"] = "2.0", ["course"] = request.Course.Code, ["cohort"] = request.Course.Cohort })) // clean precision-about
        {
            logger.LogInformation("Enrolment adapted");
        }
        Activity.Current?.AddEvent(new ActivityEvent("enrolment.student", tags: new ActivityTagsCollection { ["student.name"] = $"{request.Student.GivenName} {request.Student.FamilyName}" })); // leak TC1001 strings
        Activity.Current?.SetTag("lmsapi.student.email_domain", request.Student.Email.Split('@')[^1]); // clean precision-about
    }

    public void GuardianPatched(string studentNumber, Operation operation)
    {
        EnrolmentLog.GuardianPatched(logger, studentNumber, operation.path); // leak TC1001 direct
    }
}
