namespace PrivacyHoldout164.Healthcare;

public sealed record GpRegistrationForm(string StudentNumber, string NhsNumber, string TermAddress, string Email, string Practice);

/// <summary>The campus health centre registers new students with its practice during welcome week.</summary>
[ApiController]
[Route("api/gp-registrations")]
public sealed partial class StudentGpRegistrationController(
    IStudentRecords records,
    ISupportCases cases,
    Pseudonymizer pseudonymizer,
    ILogger<StudentGpRegistrationController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Campus.Health.Registrations");
    private static readonly Meter Meter = new("Campus.Health.Registrations");
    private static readonly Counter<long> Registered = Meter.CreateCounter<long>("health.registrations");
    private readonly UnihealthRequestsCounter _requests = Meter.CreateUnihealthRequestsCounter();

    [HttpPost]
    public async Task<ActionResult> Register([FromBody] GpRegistrationForm form, CancellationToken cancellationToken)
    {
        using var span = Source.StartUnihealthOperation(form.Practice);
        span.SetUnihealthStudentId(pseudonymizer.PseudonymizeUnihealthStudentId(form.StudentNumber)); // clean generated-api
        logger.LogInformation("GP registration received for {StudentNumber}", form.StudentNumber); // leak TC1001 direct
        Activity.Current?.SetTag("health.practice", form.Practice); // clean precision-about

        var student = await records.FindAsync(form.StudentNumber, cancellationToken);
        if (student is null)
        {
            logger.LogWarning("No student record for registration at {Practice}", form.Practice); // clean precision-about
            _requests.Add(1, form.Practice, "no-record"); // clean generated-api
            return new NotFoundResult("student");
        }

        Activity.Current?.SetTag("patient.nhs_number", form.NhsNumber); // leak TC1001 direct
        Activity.Current?.SetTag("patient.has_nhs_number", !string.IsNullOrEmpty(form.NhsNumber)); // clean precision-about
        Activity.Current?.SetTag("patient.age", DateTime.UtcNow.Year - student.DateOfBirth.Year); // clean precision-about
        Activity.Current?.SetTag("patient.dob", student.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // leak TC1001 direct

        var plan = await cases.PlanAsync(form.StudentNumber, cancellationToken);
        LogRegistered(logger, form.Practice, plan?.Adjustments.Count ?? 0); // clean precision-about
        LogTermAddress(logger, form.TermAddress); // leak TC1001 direct
        LogContactOnFile(logger, form.Email); // clean direct

        Registered.Add(1, new KeyValuePair<string, object?>("practice", form.Practice), new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeUnihealthStudentId(form.StudentNumber))); // leak TC1003 precision-pseudonym
        Activity.Current?.SetTag(UnihealthAttributes.Contact, student.Email); // leak TC1001 generated-api
        span.SetUnihealthOutcome("registered"); // clean generated-api
        return new OkResult(new { form.Practice });
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Registered at {Practice} with {AdjustmentCount} adjustments")]
    private static partial void LogRegistered(ILogger logger, string practice, int adjustmentCount);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Term address {TermAddress}")]
    private static partial void LogTermAddress(ILogger logger, string termAddress);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Contact on file {Email}")]
    private static partial void LogContactOnFile(ILogger logger, [PrivateData] string email);
}
