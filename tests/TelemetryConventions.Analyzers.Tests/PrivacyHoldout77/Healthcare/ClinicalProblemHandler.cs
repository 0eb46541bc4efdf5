namespace PrivacyHoldout77.Healthcare;

public sealed class PatientNotFoundException(string hospitalNumber) : Exception($"No patient with hospital number {hospitalNumber}.")
{
    public string HospitalNumber { get; } = hospitalNumber;
}

public sealed class SlotUnavailableException(Guid slotId, string clinicCode) : Exception($"Slot {slotId} in clinic {clinicCode} is no longer available.")
{
    public Guid SlotId { get; } = slotId;
}

public sealed class ConsentWithdrawnException(string nhsNumber, string scope) : Exception($"Patient {nhsNumber} has withdrawn consent for {scope}.")
{
    public string NhsNumber { get; } = nhsNumber;

    public string Scope { get; } = scope;
}

/// <summary>
/// Turns the clinical API's exceptions into problem responses. The summary endpoint throws
/// PatientNotFoundException, booking throws SlotUnavailableException, the research export throws
/// ConsentWithdrawnException; anything else is left to the 500 handler.
/// </summary>
public sealed class ClinicalProblemHandler(ILogger<ClinicalProblemHandler> logger, IProblemDetailsWriter writer, Pseudonymizer pseudonymizer) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(ApiCall call, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            PatientNotFoundException nf => new ProblemDetails { Status = 404, Title = "Patient not found", Detail = nf.Message, Extensions = { ["code"] = "PATIENT_NOT_FOUND", ["patient"] = pseudonymizer.ComputeClinapiPatientId(nf.HospitalNumber) } },
            SlotUnavailableException => new ProblemDetails { Status = 409, Title = "Slot unavailable", Detail = "The slot was booked by someone else.", Extensions = { ["code"] = "SLOT_TAKEN" } },
            ConsentWithdrawnException cw => new ProblemDetails { Status = 403, Title = "Consent withdrawn", Detail = $"Consent withdrawn for {cw.Scope}.", Extensions = { ["code"] = "CONSENT_WITHDRAWN", ["nhsNumber"] = cw.NhsNumber } },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        problem.Instance = call.Path;
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString();
        var code = (string)problem.Extensions["code"]!;

        Activity.Current.EnrichClinapiRequest(call.RouteTemplate).SetClinapiErrorCode(code); // clean precision-about
        Activity.Current?.SetTag("problem.title", problem.Title); // clean precision-about
        Activity.Current?.SetTag("problem.detail", problem.Detail); // leak TC1001 exceptions
        Activity.Current?.SetTag("problem.instance", problem.Instance); // leak TC1001 strings
        logger.LogWarning("Problem {Status} {Title} for {Route}: {Problem}", problem.Status, problem.Title, call.RouteTemplate, problem); // clean logging-objects
        logger.LogDebug("Problem body {Json}", JsonSerializer.Serialize(problem)); // leak TC1001 logging-objects

        var redacted = new ProblemDetails { Type = problem.Type, Title = problem.Title, Status = problem.Status, Extensions = { ["code"] = code } };
        logger.LogInformation("Problem returned {Json}", JsonSerializer.Serialize(redacted)); // clean logging-objects
        logger.LogInformation("Problem for patient {Patient}", problem.Extensions.GetValueOrDefault("patient")); // clean precision-pseudonym

        foreach (var (key, value) in problem.Extensions)
        {
            Activity.Current?.SetTag("problem.ext." + key, value); // leak TC1001 cross-member
        }

        Activity.Current?.AddException(exception); // leak TC1001 exceptions
        logger.LogInformation("Handled {ExceptionType} as {Code}", exception.GetType().Name, code); // clean exceptions
        await writer.WriteAsync(call, problem);
        return true;
    }
}
