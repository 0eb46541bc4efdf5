namespace PrivacyHoldout168.Retail;

/// <summary>Furniture and appliance finance signed at the till: the colleague keys in the customer and the terminal decides.</summary>
public static class InstoreFinanceEndpoints
{
    private static readonly ActivitySource Source = new("StoreCard.Instore");
    private static readonly Meter Meter = new("StoreCard.Instore");
    private static readonly Counter<long> Proposals = Meter.CreateCounter<long>("instore.finance.proposals");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/stores/{store}/tills/{till}/finance", Propose);
    }

    private static ActionResult Propose(string store, int till, LoanApplication application, Borrower borrower, string colleagueNumber, Pseudonymizer pseudonymizer, ILogger<LoanApplication> logger)
    {
        using var span = Source.StartStorecardOperation(store);
        span.SetStorecardColleagueId(pseudonymizer.PseudonymizeStorecardColleagueId(colleagueNumber)); // clean generated-api
        span.SetStorecardProduct(application.Product); // clean generated-api
        Activity.Current?.SetTag("till.number", till); // clean precision-about
        Activity.Current?.SetTag("colleague.number", colleagueNumber); // leak TC1001 direct
        Activity.Current?.SetTag(StorecardAttributes.Contact, pseudonymizer.ComputeStorecardCustomerId(borrower.CustomerNumber)); // leak TC1001 precision-pseudonym
        logger.LogInformation("Finance proposal {Application}", application); // leak TC1001 logging-objects
        logger.LogInformation("Finance of {Amount} over {Term} months for {Product}", application.Amount, application.TermMonths, application.Product); // clean precision-about
        logger.LogInformation("Customer {Name}, {Postcode}", borrower.FullName, borrower.Postcode); // leak TC1001 direct
        logger.LogInformation("Customer district {District}", borrower.Postcode.Split(' ')[0]); // clean precision-about
        Proposals.Add(1, new KeyValuePair<string, object?>("store", store), new KeyValuePair<string, object?>("product", application.Product)); // clean precision-about
        Proposals.Add(1, new KeyValuePair<string, object?>("colleague", colleagueNumber)); // leak TC1003 direct
        try
        {
            if (application.Amount > 5_000m)
            {
                throw new TerminalDeclinedException("D05");
            }
            return new OkResult(application.ApplicationId);
        }
        catch (TerminalDeclinedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogStorecardOperationFailedEvent(store, "declined", storecardCustomerId: pseudonymizer.PseudonymizeStorecardCustomerId(borrower.CustomerNumber), storecardNote: ex.Message); // clean generated-api
            logger.LogStorecardOperationFailedEvent(store, "declined", storecardNote: "declined for " + borrower.NationalInsuranceNumber); // leak TC1001 generated-api
            return new BadRequestResult("Declined");
        }
    }
}
