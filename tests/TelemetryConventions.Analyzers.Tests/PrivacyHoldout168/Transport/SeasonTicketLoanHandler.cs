namespace PrivacyHoldout168.Transport;

/// <summary>The train operator's staff benefit: interest-free season ticket loans, repaid from salary.</summary>
public sealed partial class SeasonTicketLoanHandler(
    IAffordabilityEngine engine,
    Pseudonymizer pseudonymizer,
    ILogger<SeasonTicketLoanHandler> logger)
{
    private static readonly ActivitySource Source = new("People.SeasonTicketLoans");
    private static readonly Meter Meter = new("People.SeasonTicketLoans");
    private static readonly Histogram<double> Amounts = Meter.CreateHistogram<double>("season_ticket_loan.amount", "GBP");

    private SeasonTicketLoanRequest? _current;

    public async Task<bool> HandleAsync(SeasonTicketLoanRequest request, decimal basicSalary, CancellationToken ct)
    {
        _current = request;
        using var span = Source.StartMotorfinanceOperation("head-office");
        span.SetMotorfinanceEmployeeId(pseudonymizer.PseudonymizeMotorfinanceEmployeeId(request.EmployeeNumber)); // clean generated-api
        Activity.Current?.SetTag("loan.id", request.LoanId); // clean precision-about
        Activity.Current?.SetTag("loan.route", request.Route); // clean precision-about
        Activity.Current?.SetTag("payroll.employee_number_format", "E######"); // clean precision-names
        Activity.Current?.SetTag("loan.employee_bucket", request.EmployeeNumber.GetHashCode() % 16); // leak TC1002 hashes
        Amounts.Record((double)request.Amount, new KeyValuePair<string, object?>("route", request.Route)); // clean precision-about
        LogLoan(logger, request.LoanId, request.EmployeeNumber); // leak TC1001 direct
        logger.LogInformation("Loan request {Request}", request); // leak TC1001 logging-objects
        TagEmployee();

        try
        {
            var result = await engine.AssessAsync(new AffordabilityInput(request.EmployeeNumber, basicSalary, 0m, 0), ct);
            span.SetMotorfinanceOutcome(result.Outcome); // clean generated-api
            logger.LogInformation("Loan assessed {@Result}", result); // clean logging-objects
            return result.Outcome == "approved";
        }
        catch (IncomeVerificationException ex)
        {
            span.RecordException(ex, "payroll did not confirm salary"); // clean exceptions
            logger.LogWarning("Loan {LoanId} failed: {Message}", request.LoanId, ex.Message); // leak TC1001 exceptions
            return false;
        }
        catch (AffordabilityShortfallException ex)
        {
            logger.LogWarning("Loan {LoanId} failed: {Message}", request.LoanId, ex.Message); // clean exceptions
            return false;
        }
    }

    private void TagEmployee()
    {
        Activity.Current?.SetTag("employee.number", _current?.EmployeeNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("employee.pseudonym", _current is null ? null : pseudonymizer.ComputeMotorfinanceEmployeeId(_current.EmployeeNumber)); // clean precision-pseudonym
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Season ticket loan {LoanId} for employee {EmployeeNumber}")]
    private static partial void LogLoan(ILogger logger, string loanId, string employeeNumber);
}
