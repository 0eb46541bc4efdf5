namespace Bank.Employers;

// Employer partnerships: NHS staff salary advances and a broadcaster's payroll. Records print their members.

/// <summary>A salary advance request. Prints request id, the employee's staff number, trust code, customer number, amount and pay date.</summary>
public sealed record SalaryAdvanceRequest(string RequestId, string StaffNumber, string TrustCode, string CustomerNumber, decimal Amount, DateOnly PayDate);

/// <summary>The trust's payroll confirmation. Prints request id, trust code, whether the employee is in post and the net pay band.</summary>
public sealed record EmploymentConfirmation(string RequestId, string TrustCode, bool InPost, string NetPayBand);

/// <summary>A payroll run. Prints run id, broadcaster, pay date, line count and total.</summary>
public sealed record PayrollRun(string RunId, string Broadcaster, DateOnly PayDate, int LineCount, decimal Total);

/// <summary>A payslip line. Prints employee number, name, National Insurance number, sort code, account number and net pay.</summary>
public sealed record PayslipLine(string EmployeeNumber, string Name, string NiNumber, string SortCode, string AccountNumber, decimal NetPay);

public interface ITrustPayroll
{
    Task<EmploymentConfirmation> ConfirmAsync(string trustCode, string staffNumber, CancellationToken cancellationToken = default);
}

public interface IPayrollBureau
{
    Task<IReadOnlyList<PayslipLine>> LinesAsync(string runId, CancellationToken cancellationToken = default);

    Task<string> SubmitBacsAsync(PayrollRun run, IReadOnlyList<PayslipLine> lines, CancellationToken cancellationToken = default);
}

/// <summary>The trust does not know the staff number; quotes it.</summary>
public sealed class StaffNotOnPayrollException(string staffNumber, string trustCode) : Exception($"Staff number {staffNumber} is not on the payroll of {trustCode}");

/// <summary>The advance is above the cap; quotes the amount and the cap.</summary>
public sealed class AdvanceCapExceededException(decimal amount, decimal cap) : Exception($"Advance {amount:0.00} is above the cap of {cap:0.00}");

/// <summary>A payslip line was rejected by Bacs; quotes the employee number and the reason.</summary>
public sealed class PayslipRejectedException(string employeeNumber, string reason) : Exception($"Payslip for employee {employeeNumber} rejected: {reason}");

/// <summary>The Bacs submission window closed; quotes the run and the cut-off.</summary>
public sealed class BacsCutOffMissedException(string runId, DateTimeOffset cutOff) : Exception($"Run {runId} missed the Bacs cut-off at {cutOff:HH:mm}");
