namespace PrivacyHoldout200.Education;

/// <summary>A schools trust's deposit loans for teachers buying their first home, as a minimal API.</summary>
public static class TeacherDepositLoanEndpoints
{
    private static readonly ActivitySource Source = new("SchoolsTrust.DepositLoans");
    private static readonly Meter LoanMeter = new("SchoolsTrust.DepositLoans");
    private static readonly Histogram<double> DepositSize = LoanMeter.CreateHistogram<double>("deposit_loans.amount");
    private const string Site = "trust-hr";

    public sealed record DepositLoanRequest(string TeacherNumber, string FullName, string Email, string SchoolUrn, decimal Deposit, decimal PurchasePrice, string Postcode);

    public sealed record DepositLoanDecision(string LoanId, string SchoolUrn, decimal Deposit, bool Approved, int RepaymentMonths);

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/deposit-loans", ApplyAsync);
        routes.MapGet("/deposit-loans/{loanId}", Get);
    }

    public static async Task<object> ApplyAsync(DepositLoanRequest request, ApplicationStore store, Pseudonymizer pseudonymizer, ILogger<DepositLoanRequest> logger, Meter meter, CancellationToken ct)
    {
        using var span = Source.StartTeachhomeOperation(Site);
        var applicant = pseudonymizer.PseudonymizeTeachhomeApplicantId(request.TeacherNumber);
        span.SetTeachhomeApplicantId(applicant); // clean generated-api
        span.SetTeachhomeStage("dip"); // clean generated-api
        span.SetTeachhomeNote($"Deposit loan for school {request.SchoolUrn}"); // clean generated-api
        Activity.Current?.SetTag("teacher.number", request.TeacherNumber); // leak TC1001 direct
        Activity.Current?.SetTag("teacher.school_urn", request.SchoolUrn); // clean precision-names
        Activity.Current?.SetTag("teacher.postcode", request.Postcode); // leak TC1001 direct
        Activity.Current?.SetTag("teacher.postcode_district", request.Postcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("deposit_loans.purchase_price", (double)request.PurchasePrice); // clean precision-about
        Activity.Current?.SetTag("teacher.applicant", applicant.ToString()); // clean precision-pseudonym
        Baggage.SetBaggage("teacher.applicant", applicant.ToString()); // clean precision-pseudonym
        Baggage.SetBaggage("teacher.email", request.Email); // leak TC1001 direct

        logger.LogInformation("Deposit loan request {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Deposit loan request {@Request}", request with { Email = "", FullName = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Deposit loan request {@Request}", new { request.SchoolUrn, request.Deposit, request.PurchasePrice }); // clean logging-objects
        logger.LogInformation("Deposit loan request {@Request}", new { request.SchoolUrn, request.FullName }); // leak TC1001 logging-objects

        using (logger.BeginScope(new Dictionary<string, object> { ["SchoolUrn"] = request.SchoolUrn, ["Stage"] = "dip" })) // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["TeacherNumber"] = request.TeacherNumber })) // leak TC1001 logging-objects
        {
            var ratio = request.PurchasePrice == 0 ? 0 : request.Deposit / request.PurchasePrice;
            logger.LogInformation("Deposit ratio {Ratio:P1} for school {SchoolUrn}", ratio, request.SchoolUrn); // clean precision-about
            DepositSize.Record((double)request.Deposit, new KeyValuePair<string, object?>("school", request.SchoolUrn)); // clean precision-names
            DepositSize.Record((double)request.Deposit, new KeyValuePair<string, object?>("teacher", request.TeacherNumber)); // leak TC1003 direct
            DepositSize.Record((double)request.Deposit, new KeyValuePair<string, object?>("teacher", applicant.ToString())); // leak TC1003 precision-pseudonym
        }

        var greeting = new StringBuilder("Deposit loan offer for ").Append(request.FullName).Append(" at ").Append(request.SchoolUrn).ToString();
        span.SetTeachhomeNote(greeting); // leak TC1001 generated-api
        logger.LogInformation(greeting); // leak TC1001 strings
        var line = string.Format("Loan for school {0}, deposit {1:C}", request.SchoolUrn, request.Deposit);
        logger.LogInformation(line); // clean strings
        var emailLine = string.Join(" / ", request.SchoolUrn, request.Email);
        Activity.Current?.SetTag("deposit_loans.summary", emailLine); // leak TC1001 strings

        try
        {
            if (request.Deposit > request.PurchasePrice * 0.2m)
            {
                throw new AffordabilityDeclinedException(request.SchoolUrn, "DEP-CAP");
            }
        }
        catch (AffordabilityDeclinedException ex)
        {
            logger.LogTeachhomeOperationFailedEvent(Site, "declined", teachhomeApplicantId: applicant, teachhomeNote: ex.Message); // clean generated-api
            span.RecordException(ex); // clean exceptions
            return "declined";
        }

        meter.CreateTeachhomeOperationsCounter().Add(1, Site, "accepted"); // clean generated-api
        var open = await store.CountOpenAsync("teachers", ct);
        Activity.Current?.SetTag("deposit_loans.open_count", open); // clean precision-about
        Activity.Current?.SetTag("teacher.name_length", request.FullName.Length); // clean precision-about
        Activity.Current?.SetTag("teacher.name_hash", request.FullName.GetHashCode()); // leak TC1002 hashes
        Activity.Current?.SetTag("teacher.email_md5", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.Email)))); // leak TC1002 hashes
        Activity.Current?.SetTag("teacher.email_hmac", Convert.ToHexString(HMACSHA256.HashData(new byte[32], Encoding.UTF8.GetBytes(request.Email)))[..8]); // clean hashes
        return new DepositLoanDecision("DL-" + request.SchoolUrn, request.SchoolUrn, request.Deposit, true, 36);
    }

    public static object Get(string loanId, ILogger<DepositLoanDecision> logger)
    {
        Activity.Current?.SetTag("deposit_loans.loan_id", loanId); // clean precision-names
        logger.LogInformation("Loan {LoanId} read", loanId); // clean precision-names
        var decision = new DepositLoanDecision(loanId, "URN-100", 5000m, true, 36);
        logger.LogInformation("Loan decision {Decision}", decision); // clean logging-objects
        logger.LogInformation("Loan decision {@Decision}", decision with { RepaymentMonths = 48 }); // clean logging-objects
        return decision;
    }
}

/// <summary>A worker that reminds teachers whose decision in principle is expiring.</summary>
public sealed class DipExpiryWorker(IQueueReceiver<DecisionInPrinciple> queue, Pseudonymizer pseudonymizer, ILogger<DipExpiryWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("SchoolsTrust.DipExpiry");
    private DecisionInPrinciple? _current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            _current = await queue.ReceiveAsync(stoppingToken);
            if (_current is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("dip.expiry");
            activity?.SetTag("dip.id", _current.DipId); // clean precision-names
            activity?.SetTag("dip.days_left", (_current.ExpiresAt - DateTime.UtcNow).Days); // clean precision-about
            Describe(activity);
        }
    }

    private void Describe(Activity? activity)
    {
        activity?.SetTag("dip.applicant", _current?.ApplicantId); // leak TC1001 cross-member
        activity?.SetTag("dip.applicant_pseudonym", pseudonymizer.PseudonymizeTeachhomeApplicantId(_current?.ApplicantId ?? "").ToString()); // clean precision-pseudonym
        activity?.SetTag("dip.amount", (double)(_current?.Amount ?? 0)); // clean cross-member
        logger.LogInformation("Reminder sent to {Email}", _current?.ApplicantEmail); // leak TC1001 cross-member
        logger.LogInformation("Reminder for DIP {DipId}", _current?.DipId); // clean cross-member
        activity?.SetTag("dip.reminder_sent", true); // clean precision-about
    }
}
