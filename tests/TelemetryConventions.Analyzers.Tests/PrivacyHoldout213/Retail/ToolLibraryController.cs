namespace PrivacyHoldout213.Retail;

public sealed record LoanRequest(string LoyaltyCard, string MemberNumber, string MemberEmail, string ToolTag, string StoreId);

/// <summary>A garden centre's tool library for its allotment club: rotavators, strimmers and shredders on loan.</summary>
[ApiController]
[Route("api/tool-loans")]
public sealed class ToolLibraryController(
    ToolLibrary library,
    GardenOptions options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ToolLibraryController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Toolshed.Loans");
    private static readonly Meter Meter = new("Toolshed.Loans");
    private static readonly Counter<long> Loans = Meter.CreateCounter<long>("toolshed.loans");
    private static readonly UpDownCounter<long> OnLoan = Meter.CreateUpDownCounter<long>("toolshed.on_loan");

    [HttpPost("")]
    public ActionResult Lend([FromBody] LoanRequest request)
    {
        using var activity = Source.StartActivity("Lend");
        var stock = library.Stock(request.ToolTag);
        activity?.SetTag("toolshed.tool", request.ToolTag); // clean precision-names
        activity?.SetTag("toolshed.tool.kind", stock.Kind); // clean precision-names
        activity?.SetTag("toolshed.store", request.StoreId); // clean precision-names
        activity?.SetTag("toolshed.loyalty_card", request.LoyaltyCard); // leak TC1001 direct
        activity?.SetTag("toolshed.loyalty_card.last4", request.LoyaltyCard[^4..]); // clean precision-about
        activity?.SetTag("toolshed.member", pseudonymizer.ComputeToolshedClientId(request.MemberNumber)); // clean precision-pseudonym
        activity?.SetTag("toolshed.member_tier", "gold"); // clean precision-names
        logger.LogInformation("Stock {Stock}", stock); // clean logging-objects
        if (!stock.Available)
        {
            var error = new ToolOverdueException(request.ToolTag, 3);
            activity?.AddException(error); // clean exceptions
            logger.LogWarning(error, "Tool not back yet"); // clean exceptions
            return BadRequest(error.Message);
        }

        var loan = library.Lend(request.ToolTag, request.MemberNumber, DateOnly.FromDateTime(DateTime.Today.AddDays(options.LoanDays)));
        activity?.SetTag("toolshed.loan", loan.LoanId); // clean precision-names
        activity?.SetTag("toolshed.loan.due", loan.DueBack.ToString("O")); // clean precision-about
        logger.LogInformation("Loan {Loan}", loan); // leak TC1001 logging-objects
        logger.LogInformation("Loan {@Loan}", loan with { BorrowerMemberNumber = pseudonymizer.ComputeToolshedClientId(loan.BorrowerMemberNumber) }); // clean logging-objects
        logger.LogInformation("Loan {LoanId} of {Tool} due {Due}", loan.LoanId, loan.ToolTag, loan.DueBack); // clean logging-objects
        logger.LogInformation("Loan to {Email}", request.MemberEmail); // leak TC1001 direct
        logger.LogInformation("Loan to a member at {Domain}", request.MemberEmail[(request.MemberEmail.IndexOf('@') + 1)..]); // clean precision-about

        Loans.Add(1, new KeyValuePair<string, object?>("store", request.StoreId), new KeyValuePair<string, object?>("kind", stock.Kind)); // clean precision-names
        Loans.Add(1, new KeyValuePair<string, object?>("loyalty_card", request.LoyaltyCard)); // leak TC1003 direct
        OnLoan.Add(1, new KeyValuePair<string, object?>("tool", request.ToolTag)); // clean precision-names
        var cohort = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(request.LoyaltyCard))[0] % 10;
        Loans.Add(1, new KeyValuePair<string, object?>("cohort", cohort)); // clean hashes
        var legacyKey = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(request.MemberNumber)));
        activity?.SetTag("toolshed.legacy_member_key", legacyKey.ToString()); // leak TC1002 hashes

        using var span = Source.StartToolshedOperation(request.StoreId) // clean generated-api
            .SetToolshedClientId(pseudonymizer.PseudonymizeToolshedClientId(request.MemberNumber)) // clean generated-api
            .SetToolshedPlot(loan.LoanId) // clean generated-api
            .SetToolshedTask("loan"); // clean generated-api
        span.Activity?.SetTag(ToolshedAttributes.Contact, request.MemberEmail); // leak TC1001 generated-api
        Meter.CreateToolshedOperationsCounter().Add(1, request.StoreId, "done"); // clean generated-api
        Meter.CreateToolshedOperationsCounter().Add(1, request.StoreId, request.MemberNumber); // leak TC1003 generated-api
        return Ok(loan.LoanId);
    }

    [HttpPost("overdue")]
    public ActionResult ChaseOverdue()
    {
        var overdue = library.Overdue();
        logger.LogInformation("{Count} loans overdue", overdue.Count); // clean precision-about
        logger.LogInformation("Overdue borrowers {Borrowers}", overdue.Select(l => l.BorrowerMemberNumber).ToList()); // leak TC1001 logging-objects
        logger.LogInformation("Overdue tools {Tools}", string.Join(";", overdue.Select(l => l.ToolTag))); // clean strings
        logger.LogInformation("Overdue members {Members}", string.Concat(overdue.Select(l => l.BorrowerMemberNumber + " "))); // leak TC1001 strings
        return Ok(overdue.Count);
    }
}
