namespace PrivacyHoldout202.Energy;

public sealed record DeductionLine(string EmployeeNumber, string PayrollRef, string PlanCode, decimal Amount, string Month);

/// <summary>Staff gym memberships paid by salary deduction: the monthly file sent to payroll.</summary>
public sealed class SalaryDeductionRepository(ILogger<SalaryDeductionRepository> logger, TelemetrySecrets secrets)
{
    private readonly List<DeductionLine> _lines = new();

    public void Add(DeductionLine line)
    {
        _lines.Add(line);
        Activity.Current?.SetTag("deduction.plan", line.PlanCode); // clean precision-about
        Activity.Current?.SetTag("deduction.amount", line.Amount); // clean precision-about
        Activity.Current?.SetTag("deduction.payroll_ref", line.PayrollRef); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("deduction.added", tags: new ActivityTagsCollection { ["month"] = line.Month, ["plan"] = line.PlanCode })); // clean precision-names
        logger.LogDebug("Deduction {Line}", line); // leak TC1001 logging-objects
        logger.LogDebug("Deduction {Line}", new { line.PlanCode, line.Amount, line.Month }); // clean logging-objects
    }

    public string Export(string month)
    {
        var csv = string.Join("\n", _lines.Where(l => l.Month == month).Select(l => $"{l.EmployeeNumber},{l.Amount}"));
        logger.LogInformation("Deduction file for {Month}: {Csv}", month, csv); // leak TC1001 strings
        var total = _lines.Where(l => l.Month == month).Sum(l => l.Amount);
        logger.LogInformation("Deduction file for {Month}: {Lines} lines, {Total} total", month, _lines.Count, total); // clean cross-member
        var fileKey = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(csv)))[..12];
        logger.LogInformation("Deduction file key {Key}", fileKey); // clean hashes
        var months = string.Format("{0} file with {1} plans", month, _lines.Select(l => l.PlanCode).Distinct().Count());
        logger.LogInformation("Deduction summary {Summary}", months); // clean strings
        Activity.Current?.SetTag("deduction.largest_employee", _lines.OrderByDescending(l => l.Amount).FirstOrDefault()?.EmployeeNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("deduction.largest_amount", _lines.Max(l => l.Amount)); // clean cross-member
        return csv;
    }
}
