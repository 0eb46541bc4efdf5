namespace PrivacyHoldout132.Retail;

/// <summary>Lends the store's mobility scooters and wheelchairs at the entrance for the length of a shop.</summary>
public sealed class MobilityScooterLoanService(
    ILoanRegister loans,
    TelemetrySecrets secrets,
    ILogger<MobilityScooterLoanService> logger)
{
    private static readonly ActivitySource Source = new("Retail.MobilityLoans");
    private static readonly Meter Meter = new("Retail.MobilityLoans");
    private static readonly Counter<long> Loans = Meter.CreateCounter<long>("mobility.loans");
    private static readonly Histogram<double> LoanMinutes = Meter.CreateHistogram<double>("mobility.loan.minutes");
    private static readonly Counter<long> LoansPerBorrower = Meter.CreateCounter<long>("mobility.loans.per_borrower");
    private readonly Dictionary<string, string> _openLoansByMobile = new();

    public async Task<EquipmentLoan?> LendAsync(string storeCode, string kind, string customerNumber, string mobile, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("mobility.lend");
        activity?.SetTag("store", storeCode); // clean precision-names
        activity?.SetTag("mobility.kind", kind); // clean precision-about
        activity?.SetTag("mobility.customer_lane", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(customerNumber))[0] % 8); // clean hashes
        activity?.SetTag("mobility.mobile_hash", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(mobile)))); // leak TC1002 hashes

        var item = await loans.FindFreeAsync(kind, storeCode, cancellationToken);
        if (item is null)
        {
            Loans.Add(1, new KeyValuePair<string, object?>("store", storeCode), new("outcome", "none-free")); // clean precision-names
            return null;
        }
        try
        {
            var loan = await loans.LendAsync(item.AssetTag, customerNumber, mobile, cancellationToken);
            _openLoansByMobile[mobile] = loan.LoanId;
            activity?.SetTag("mobility.asset", item.AssetTag); // clean precision-names
            activity?.SetTag("mobility.loan_id", loan.LoanId); // clean precision-names
            logger.LogInformation("Scooter {Asset} out until {Due}", item.AssetTag, loan.Due); // clean precision-names
            logger.LogDebug("Scooter {Asset} lent to customer {Customer}", item.AssetTag, customerNumber); // leak TC1001 direct
            Loans.Add(1, new KeyValuePair<string, object?>("store", storeCode), new("outcome", "lent")); // clean precision-about
            return loan;
        }
        catch (ItemOnLoanException ex)
        {
            logger.LogWarning(ex, "Scooter already out"); // clean exceptions
            return null;
        }
        catch (BorrowerBlockedException ex)
        {
            activity?.AddEvent(new ActivityEvent("mobility.blocked", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            return null;
        }
    }

    public async Task ReturnAsync(EquipmentLoan loan, string storeCode, CancellationToken cancellationToken)
    {
        await loans.ReturnAsync(loan.LoanId, cancellationToken);
        _openLoansByMobile.Remove(loan.BorrowerMobile);
        LoanMinutes.Record((DateTimeOffset.UtcNow - (loan.Due - TimeSpan.FromHours(2))).TotalMinutes, new KeyValuePair<string, object?>("store", storeCode)); // clean precision-about
        logger.LogDebug("Returned {Loan}", loan); // leak TC1001 logging-objects
        LoansPerBorrower.Add(1, new KeyValuePair<string, object?>("store", storeCode), new("borrower", loan.BorrowerRef)); // leak TC1003 cross-member
    }

    public void ReportOpenLoans()
    {
        Activity.Current?.SetTag("mobility.open_loans", _openLoansByMobile.Count); // clean cross-member
        logger.LogInformation("Open loans by mobile: {Loans}", _openLoansByMobile); // leak TC1001 cross-member
        Activity.Current?.SetTag("mobility.open_loan_ids", string.Join(",", _openLoansByMobile.Values)); // clean cross-member
    }
}
