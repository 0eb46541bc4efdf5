namespace PrivacyHoldout147.Media;

/// <summary>Submits a broadcaster's monthly pay run to Bacs from its payroll account with the bank.</summary>
public sealed class PayrollRunService(IPayrollBureau bureau, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<PayrollRunService> logger)
{
    // The broadcaster's own payroll account: an organisation's account.
    private const string PayrollAccountNumber = "20571234";

    private readonly List<PayslipLine> _rejected = new();
    private PayslipLine? _highestPaid;

    public async Task SubmitAsync(PayrollRun run, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartPayrollOperation(run.Broadcaster);
        span.SetPayrollLineCount(run.LineCount); // clean generated-api
        span.SetPayrollProduct("bacs-payroll"); // clean generated-api
        Activity.Current?.SetTag("payroll.run_id", run.RunId); // clean direct
        Activity.Current?.SetTag("payroll.source_account", PayrollAccountNumber); // clean direct
        logger.LogInformation("Pay run {@Run}", run); // clean logging-objects

        var lines = await bureau.LinesAsync(run.RunId, cancellationToken);
        foreach (var line in lines)
        {
            if (_highestPaid is null || line.NetPay > _highestPaid.NetPay)
            {
                _highestPaid = line;
            }
            if (string.IsNullOrWhiteSpace(line.SortCode))
            {
                _rejected.Add(line);
                var rejected = new PayslipRejectedException(line.EmployeeNumber, "missing sort code");
                logger.LogWarning("Payslip rejected: {Message}", rejected.Message); // leak TC1001 exceptions
                logger.LogPayrollOperationFailedEvent(run.Broadcaster, "rejected", payrollEmployeeId: pseudonymizer.PseudonymizePayrollEmployeeId(line.EmployeeNumber), payrollNote: "missing sort code"); // clean generated-api
                continue;
            }

            PayrollLog.LinePaid(logger, run.RunId, line.EmployeeNumber, line.NetPay); // clean logging-objects
            PayrollLog.NiChecked(logger, run.RunId, line.NiNumber); // leak TC1001 logging-objects
        }

        try
        {
            var submission = await bureau.SubmitBacsAsync(run, lines, cancellationToken);
            Activity.Current?.SetTag("payroll.bacs_submission", submission); // clean direct
            meter.CreatePayrollPaymentsCounter().Add(lines.Count - _rejected.Count, payrollBroadcaster: run.Broadcaster, payrollOutcome: "submitted"); // clean generated-api
        }
        catch (BacsCutOffMissedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }

        meter.CreatePayrollRunDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, payrollBroadcaster: run.Broadcaster); // clean generated-api
        logger.LogInformation("Rejected lines: {Lines}", _rejected); // leak TC1001 cross-member
        logger.LogInformation("Rejected lines: {Count}", _rejected.Count); // clean cross-member
        logger.LogInformation("Highest paid this run: {Name}", _highestPaid?.Name); // leak TC1001 cross-member
        logger.LogInformation("Highest net pay this run: {NetPay}", _highestPaid?.NetPay); // clean cross-member
        Activity.Current?.SetTag("payroll.top_earner", pseudonymizer.PseudonymizePayrollEmployeeId(_highestPaid?.EmployeeNumber ?? "none").Value); // clean precision-pseudonym
    }
}

internal static partial class PayrollLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Run {RunId}: paid employee {EmployeeNumber} {NetPay}")]
    public static partial void LinePaid(ILogger logger, string runId, [PrivateData] string employeeNumber, decimal netPay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Run {RunId}: National Insurance number {NiNumber} checked")]
    public static partial void NiChecked(ILogger logger, string runId, string niNumber);
}
