namespace PrivacyHoldout169.Transport;

/// <summary>Sets up staff payroll giving mandates (give as you earn) from the HR portal.</summary>
public sealed partial class PayrollGivingMandateHandler(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PayrollGivingMandateHandler> logger)
{
    private static readonly ActivitySource Source = new("RailGiving.Payroll");
    private static readonly Meter Meter = new("RailGiving.Payroll");
    private static readonly Counter<long> Mandates = Meter.CreateCounter<long>("railgiving.payroll.mandates");

    [LoggerMessage(Level = LogLevel.Information, Message = "Mandate {MandateId} for employee {EmployeeNumber} to {Charity}")]
    private partial void LogMandate(string mandateId, [PrivateData] string employeeNumber, string charity);

    public void Handle(PayrollGivingMandate mandate, string depot)
    {
        var employee = pseudonymizer.PseudonymizeRailgivingEmployeeId(mandate.EmployeeNumber);
        using var operation = Source.StartRailgivingOperation(depot).SetRailgivingEmployeeId(employee).SetRailgivingChallenge("payroll"); // clean generated-api
        LogMandate(mandate.MandateId, mandate.EmployeeNumber, mandate.Charity); // clean logging-objects
        operation.Activity?.SetTag("payroll.mandate", mandate.MandateId); // clean direct
        operation.Activity?.SetTag("payroll.charity", mandate.Charity); // clean direct
        operation.Activity?.SetTag("payroll.employee", mandate.EmployeeNumber); // leak TC1001 direct
        Mandates.Add(1, new KeyValuePair<string, object?>("depot", depot), new("charity", mandate.Charity)); // clean direct
        Mandates.Add(1, new KeyValuePair<string, object?>("employee", employee.Value)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Mandate {@Mandate}", mandate); // leak TC1001 logging-objects
        logger.LogInformation("Mandate {MandateId} at {PerPay} per pay", mandate.MandateId, mandate.PerPay); // clean logging-objects
        logger.LogInformation("Employee {Employee} set up payroll giving", employee); // clean precision-pseudonym
        var employeeCount = 1;
        operation.SetRailgivingEntryCount(employeeCount); // clean precision-names
        var payrollKey = string.Create(CultureInfo.InvariantCulture, $"{mandate.EmployeeNumber}-{mandate.Charity}");
        operation.SetRailgivingNote(payrollKey); // leak TC1001 strings
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(mandate.EmployeeNumber)))[..16];
        operation.Activity?.SetTag("payroll.employee_digest", digest); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(mandate.EmployeeNumber)))[..1];
        operation.Activity?.SetTag("payroll.keyed_lane", keyed); // clean hashes
    }
}
