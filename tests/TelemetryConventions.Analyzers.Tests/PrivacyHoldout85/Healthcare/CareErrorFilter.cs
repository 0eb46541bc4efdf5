namespace PrivacyHoldout85.Healthcare;

/// <summary>Turns exceptions into GraphQL errors with codes, and logs what the API team needs.</summary>
public sealed class CareErrorFilter(ILogger<CareErrorFilter> logger) : IErrorFilter
{
    public IError OnError(IError error)
    {
        switch (error.Exception)
        {
            case PatientNotRegisteredException notRegistered:
                logger.LogWarning(notRegistered, "Patient look-up failed at {Path}", error.Path); // leak TC1001 exceptions
                Activity.Current?.SetStatus(ActivityStatusCode.Error, notRegistered.Message); // leak TC1001 exceptions
                return error.WithMessage("The patient is not registered at this practice.").WithCode(ErrorCodes.NotFound).SetExtension("practiceCode", notRegistered.PracticeCode).RemoveException();
            case TimeoutException timeout:
                Activity.Current?.AddException(timeout); // clean exceptions
                logger.LogError("PAS timed out resolving {Path} ({ExceptionType})", error.Path, timeout.GetType().Name); // clean exceptions
                return error.WithCode("PAS_TIMEOUT").RemoveException();
            case null:
                return error;
            default:
                Activity.Current?.SetStatus(ActivityStatusCode.Error, error.Exception.GetType().Name); // clean exceptions
                return error.WithMessage("Unexpected error").WithCode(ErrorCodes.Unexpected).RemoveException();
        }
    }
}

public sealed record RecordAccess(string? ClinicianSmartcard, string NhsNumber, string Field, DateTime At);

/// <summary>Field middleware on every field that takes an NHS number: the access audit trail.</summary>
public sealed class PatientAccessAuditMiddleware(FieldDelegate next, Pseudonymizer pseudonymizer, Meter meter, ILogger<PatientAccessAuditMiddleware> logger)
{
    private readonly Counter<long> _reads = meter.CreateCounter<long>("care.patient.record_reads");

    public async ValueTask InvokeAsync(IMiddlewareContext context)
    {
        var nhsNumber = context.ArgumentValue<string>("nhsNumber");
        var clinician = context.User.FindFirstValue("smartcard_uid");
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["PatientRef"] = pseudonymizer.ComputeCaregqlPatientId(nhsNumber), ["Field"] = context.Selection.Field.Name }); // clean precision-pseudonym
        await next(context);
        _reads.Add(1, new KeyValuePair<string, object?>("field", context.Selection.Field.Coordinate.ToString())); // clean precision-names
        var audit = new RecordAccess(clinician, nhsNumber, context.Selection.Field.Coordinate.ToString(), DateTime.UtcNow);
        logger.LogInformation("Record access {Audit}", audit); // leak TC1001 logging-objects
        _reads.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeCaregqlPatientId(nhsNumber))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Record read by clinician {Smartcard} at {Path}", clinician, context.Path); // leak TC1001 direct
        if (context.Selection.Field.Name == "patientByEmail")
        {
            Activity.Current?.SetTag(CaregqlAttributes.PatientContact, context.ArgumentValue<string>("email")); // leak TC1001 generated-api
        }
    }
}
