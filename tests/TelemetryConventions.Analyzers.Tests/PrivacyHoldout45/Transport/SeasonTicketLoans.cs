using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Support;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Transport;

// The rail operator's staff can take an interest-free season ticket loan: the annual season is
// loaded onto the employee's smartcard and the loan is repaid from ten monthly salary deductions. A
// leaver's outstanding balance is deducted from their final pay or becomes a debt to recover.

public sealed record SeasonTicketLoanRequest(string EmployeeNumber, string WorkEmail, string SmartcardNumber, string FromStation, string ToStation, decimal Price, string ApprovedBy);

public sealed record SeasonTicketLoan(string LoanId, string EmployeeNumber, decimal Amount, int Deductions, decimal Outstanding, DateOnly FirstDeduction);

public sealed record PayrollDeduction(string EmployeeNumber, string PayrollCode, decimal Amount, string Period);

public interface IPayrollExport
{
    Task SubmitAsync(IReadOnlyList<PayrollDeduction> deductions, CancellationToken cancellationToken);
}

public interface ISmartcardLoader
{
    Task<string> LoadSeasonAsync(string smartcardNumber, string fromStation, string toStation, DateOnly start, CancellationToken cancellationToken);
}

public sealed class SmartcardNotFoundException(string smartcardNumber)
    : Exception($"Smartcard {smartcardNumber} is not registered");

public sealed class SeasonTicketLoanService(
    ISmartcardLoader smartcards,
    IPayrollExport payroll,
    IClock clock,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<SeasonTicketLoanService> logger)
{
    private readonly Histogram<double> _loanAmounts = meter.CreateHistogram<double>("staff.season_loan.amount");

    public async Task<SeasonTicketLoan?> GrantAsync(SeasonTicketLoanRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartLendingApplication("season-ticket-loan");
        span.SetLendingBorrowerId(pseudonymizer.PseudonymizeLendingBorrowerId(request.EmployeeNumber)); // clean precision-pseudonym
        span.SetLendingAmount((double)request.Price); // clean precision-about
        span.SetLendingNote($"{request.FromStation}-{request.ToStation} approved by {request.ApprovedBy}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("season.route", $"{request.FromStation}-{request.ToStation}"); // clean precision-about
        Activity.Current?.SetTag(LendingAttributes.BorrowerContact, request.WorkEmail); // leak TC1001 generated-api

        string ticketId;
        try
        {
            ticketId = await smartcards.LoadSeasonAsync(request.SmartcardNumber, request.FromStation, request.ToStation, clock.Today, cancellationToken);
        }
        catch (SmartcardNotFoundException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogWarning("Season not loaded: {Reason}", ex.Message); // leak TC1001 exceptions
            return null;
        }

        Activity.Current?.SetTag("season.ticket.id", ticketId); // clean precision-about
        Activity.Current?.SetTag("season.smartcard.last4", request.SmartcardNumber[^4..]); // clean precision-about

        var loan = new SeasonTicketLoan(Guid.NewGuid().ToString("N"), request.EmployeeNumber, request.Price, 10, request.Price, clock.Today.AddMonths(1));
        _loanAmounts.Record((double)loan.Amount, new KeyValuePair<string, object?>("staff.employee", request.EmployeeNumber)); // leak TC1003 direct
        _loanAmounts.Record((double)loan.Amount, new KeyValuePair<string, object?>("season.passenger_journey_band", request.Price > 5000m ? "long-distance" : "commuter")); // clean precision-names
        logger.LogInformation("Season ticket loan {Loan}", loan); // leak TC1001 logging-objects

        var monthly = Math.Round(loan.Amount / loan.Deductions, 2);
        var deductions = Enumerable.Range(0, loan.Deductions)
            .Select(i => new PayrollDeduction(loan.EmployeeNumber, "STL", monthly, loan.FirstDeduction.AddMonths(i).ToString("yyyy-MM")))
            .ToList();
        await payroll.SubmitAsync(deductions, cancellationToken);
        logger.LogInformation("Submitted {Count} deductions of {Monthly} from {FirstPeriod}", deductions.Count, monthly, deductions[0].Period); // clean precision-about
        return loan;
    }

    public void RecordLeaver(SeasonTicketLoan loan, decimal finalPay)
    {
        var recoverable = Math.Min(loan.Outstanding, finalPay);
        logger.LogLendingCollectionStepEvent(recoverable < loan.Outstanding ? "debt-to-recover" : "final-pay-deduction", lendingBorrowerId: pseudonymizer.PseudonymizeLendingBorrowerId(loan.EmployeeNumber), lendingNote: $"{loan.Outstanding - recoverable:0.00} left after final pay"); // clean generated-api
        logger.LogLendingCollectionStepEvent("debt-to-recover", lendingNote: $"leaver {loan.EmployeeNumber} owes {loan.Outstanding - recoverable:0.00}"); // leak TC1001 generated-api
    }
}
