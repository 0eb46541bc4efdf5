namespace PrivacyHoldout155.Gaming;

/// <summary>
/// The studio's people team assigns certificates of sponsorship to developers hired from abroad under the
/// skilled worker route and keeps an eye on the year's allocation.
/// </summary>
public sealed class StaffSponsorshipService(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<StaffSponsorshipService> logger)
{
    private readonly Histogram<double> _salaries = meter.CreateHistogram<double>("sponsorship.salary", "GBP");
    private CertificateOfSponsorship? _pending;

    public void Assign(CertificateOfSponsorship cos, string employeeEmail)
    {
        _pending = cos;
        using var span = source.StartTourvisaOperation("studio-staff");
        span.SetTourvisaStaffId(pseudonymizer.PseudonymizeTourvisaStaffId(cos.EmployeeNumber)); // clean generated-api
        span.SetTourvisaNote($"CoS {cos.CosNumber} on SOC {cos.SocCode}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("sponsorship.soc_code", cos.SocCode); // clean precision-about
        Activity.Current?.SetTag("sponsorship.licence", cos.SponsorLicence); // clean precision-about
        Activity.Current?.SetTag("sponsorship.employee_number_scheme", "EMP-6"); // clean precision-names
        Activity.Current?.SetTag("sponsorship.employee", EmployeeTag(cos.EmployeeNumber)); // clean hashes
        Activity.Current?.SetTag("sponsorship.employee.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cos.EmployeeNumber)))); // leak TC1002 hashes
        Activity.Current?.SetBaggage("studio.employee", cos.EmployeeNumber); // leak TC1001 direct
        _salaries.Record((double)cos.Salary, new KeyValuePair<string, object?>("soc", cos.SocCode)); // clean precision-about
        logger.LogInformation("Welcome pack sent to {Email}", employeeEmail); // leak TC1001 direct
        logger.LogInformation("Welcome pack sent to a mailbox at {Domain}", employeeEmail.Split('@')[1]); // clean precision-about
    }

    public void Confirm(bool accepted)
    {
        logger.LogInformation("Certificate accepted {Accepted} for SOC {Soc}", accepted, _pending?.SocCode); // clean cross-member
        logger.LogInformation("Certificate {Cos} accepted {Accepted}", _pending?.CosNumber, accepted); // leak TC1001 cross-member
    }

    public void Exhausted(AllocationExhaustedException ex)
    {
        logger.LogError(ex, "Allocation used up"); // clean exceptions
        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
    }

    private string EmployeeTag(string employeeNumber) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(employeeNumber)), 0, 8);
}
