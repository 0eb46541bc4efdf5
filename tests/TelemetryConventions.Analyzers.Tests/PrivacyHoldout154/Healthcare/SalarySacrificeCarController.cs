namespace PrivacyHoldout154.Healthcare;

/// <summary>The staff car scheme: employees order a salary-sacrifice car through the dealer group and book its services.</summary>
[ApiController]
[Route("api/staff-cars")]
public sealed partial class SalarySacrificeCarController(
    IFleetRegister fleet,
    ILogger<SalarySacrificeCarController> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source) : ControllerBase
{
    private static readonly Counter<long> Orders = new Meter("Trust.StaffCars").CreateCounter<long>("staffcars.orders");

    [HttpGet("{employeeNumber}")]
    public async Task<ActionResult> GetAsync(string employeeNumber, CancellationToken cancellationToken)
    {
        var user = HttpContext.User;
        using var span = source.StartFleetcareOperation("hr");
        span.SetFleetcareStaffId(pseudonymizer.PseudonymizeFleetcareStaffId(employeeNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("enduser.email", user.Email); // leak TC1001 direct
        Activity.Current?.SetTag("enduser.authenticated", user.IsAuthenticated); // clean precision-about
        Activity.Current?.SetTag("http.request_id", HttpContext.TraceIdentifier); // clean precision-names
        try
        {
            var lease = await fleet.LeaseForAsync(employeeNumber, cancellationToken) ?? throw new LeaseNotFoundException(employeeNumber);
            LogLease(logger, lease.AgreementNumber, lease.Registration); // leak TC1001 logging-objects
            LogLeaseForEmployee(logger, lease.Model, lease.EmployeeNumber); // clean logging-objects
            Activity.Current?.SetTag("staffcar.model", lease.Model); // clean precision-about
            Activity.Current?.SetTag("staffcar.monthly_sacrifice", lease.MonthlySacrifice); // clean precision-about
            Activity.Current?.SetTag("staffcar.registration", lease.Registration); // leak TC1001 direct
            Activity.Current?.SetTag("staffcar.registration_hmac", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(lease.Registration)))[..16]); // clean hashes
            Activity.Current?.SetTag("staffcar.employee_ref", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(employeeNumber)))); // leak TC1002 hashes
            logger.LogInformation("Lease {Lease}", lease); // leak TC1001 logging-objects
            Orders.Add(1, new KeyValuePair<string, object?>("staffcar.model", lease.Model)); // clean precision-about
            return Ok(lease.AgreementNumber);
        }
        catch (LeaseNotFoundException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetFleetcareOutcome("no-lease"); // clean generated-api
            logger.LogInformation("No lease: {Reason}", ex.Message); // leak TC1001 exceptions
            return NotFound();
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Lease {AgreementNumber} is for car {Registration}")]
    private static partial void LogLease(ILogger logger, string agreementNumber, string registration);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "A {Model} is leased to employee {EmployeeNumber}")]
    private static partial void LogLeaseForEmployee(ILogger logger, string model, [PrivateData] string employeeNumber);
}
