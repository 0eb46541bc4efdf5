namespace PrivacyHoldout123.Transport;

/// <summary>A Delay Repay claim approved for payment to the passenger's bank account.</summary>
public sealed record DelayRepayClaim(string ClaimNumber, Guid PassengerId, string PassengerEmail, string TicketNumber, string Route, int MinutesLate, decimal Compensation, BankDetails Bank);

/// <summary>An employer's season ticket loan deduction for one employee.</summary>
public sealed record SeasonTicketLoan(string EmployerCode, string PayrollNumber, string EmployeeName, decimal MonthlyDeduction, string SmartcardNumber);

/// <summary>Pays Delay Repay compensation, posts daily ticket sales and bills employers' season ticket loans.</summary>
public sealed class DelayRepayRefundService(IFasterPaymentsClient bank, ILedgerClient ledger, Pseudonymizer pseudonymizer, ILogger<DelayRepayRefundService> logger)
{
    private static readonly ActivitySource Source = new("Rail.Revenue.Refunds");
    private static readonly Meter Meter = new("Rail.Revenue.Refunds");
    private static readonly Histogram<double> Compensation = Meter.CreateHistogram<double>("farefin.delay_repay.compensation", "GBP");
    private readonly FarefinSettlementDurationHistogram _duration = Meter.CreateFarefinSettlementDurationHistogram();

    public async Task PayAsync(DelayRepayClaim claim, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var passenger = pseudonymizer.PseudonymizeFarefinCustomerId(claim.PassengerId.ToString());
        using var span = Source.StartFarefinCollect("delay_repay")
            .SetFarefinCustomerId(passenger) // clean precision-pseudonym
            .SetFarefinAmount((double)claim.Compensation) // clean precision-about
            .SetFarefinReference($"DR {claim.ClaimNumber}"); // clean generated-api
        span.Activity?.SetTag("farefin.delay.minutes", claim.MinutesLate); // clean precision-about
        span.Activity?.SetTag("farefin.ticket", claim.TicketNumber); // clean precision-names
        Compensation.Record((double)claim.Compensation, new KeyValuePair<string, object?>("farefin.route", claim.Route)); // clean direct
        logger.LogInformation("Paying Delay Repay {Claim} to {PassengerId}", claim.ClaimNumber, claim.PassengerId); // leak TC1001 direct
        logger.LogDebug("Claim {@Claim}", claim); // leak TC1001 logging-objects
        try
        {
            var submission = await bank.SendAsync(new OutboundPayment(claim.Bank.AccountHolderName, claim.Bank.SortCode, claim.Bank.AccountNumber, claim.Compensation, $"DR {claim.ClaimNumber}"), ct);
            span.SetFarefinOutcome(submission.Status); // clean direct
        }
        catch (PaymentRejectedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogFarefinPaymentFailedEvent("delay_repay", ex.ReasonCode, passenger, farefinNote: $"claim {claim.ClaimNumber}"); // clean exceptions
            span.Activity?.SetTag("farefin.payee.key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(claim.Bank.SortCode + claim.Bank.AccountNumber)))[..16]); // leak TC1002 hashes
        }
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "delay_repay"); // clean generated-api
    }

    public async Task PostDailySalesAsync(DateOnly day, IReadOnlyDictionary<string, decimal> salesByStation, CancellationToken ct)
    {
        using var span = Source.StartFarefinPost($"SALES-{day:yyyyMMdd}", "ticket_sales")
            .SetFarefinPeriod(day.ToString("yyyy-MM", CultureInfo.InvariantCulture)) // clean direct
            .SetFarefinLineCount(salesByStation.Count); // clean precision-about
        logger.LogInformation("Sales by station {@Sales}", salesByStation); // clean logging-objects
        var journal = new JournalEntry($"J-SALES-{day:yyyyMMdd}", day.ToString("yyyy-MM", CultureInfo.InvariantCulture), day, "ticketing", salesByStation
            .Select(s => new JournalLine("4500", 0m, s.Value, s.Key, $"Ticket sales {s.Key} {day:dd MMM}"))
            .Append(new JournalLine("1210", salesByStation.Values.Sum(), 0m, null, "Card settlement"))
            .ToList());
        try
        {
            await ledger.PostAsync(journal, ct);
            span.SetFarefinOutcome("posted").SetFarefinLedgerAccount("4500"); // clean direct
        }
        catch (PeriodClosedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning("Sales of {Day} not posted: {Reason}", day, ex.Message); // clean exceptions
        }
    }

    public void BillSeasonTicketLoans(string employerCode, IReadOnlyList<SeasonTicketLoan> loans)
    {
        using var span = Source.StartFarefinPost($"STL-{employerCode}-{DateTime.UtcNow:yyyyMM}", "employer_invoice").SetFarefinLineCount(loans.Count); // clean precision-about
        span.Activity?.SetTag("farefin.employer", employerCode); // clean precision-names
        span.SetFarefinAmount((double)loans.Sum(l => l.MonthlyDeduction)); // clean precision-about
        logger.LogInformation("Season ticket loans for {Employer}: {Payroll}", employerCode, string.Join(",", loans.Select(l => l.PayrollNumber))); // leak TC1001 strings
        logger.LogInformation("Season ticket loans for {Employer}: {Loans}", employerCode, loans); // leak TC1001 logging-objects
        foreach (var loan in loans.Where(l => l.MonthlyDeduction <= 0))
        {
            span.Activity?.AddEvent(new ActivityEvent("farefin.stl.zero_deduction", tags: new ActivityTagsCollection { ["farefin.smartcard"] = loan.SmartcardNumber })); // leak TC1001 direct
            span.Activity?.AddEvent(new ActivityEvent("farefin.stl.zero_deduction", tags: new ActivityTagsCollection { ["farefin.smartcard.last4"] = loan.SmartcardNumber[^4..] })); // clean precision-about
        }
    }
}
