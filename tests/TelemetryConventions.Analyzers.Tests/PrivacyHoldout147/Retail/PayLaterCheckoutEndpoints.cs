namespace PrivacyHoldout147.Retail;

/// <summary>The retailer's checkout asks the bank whether the customer may pay later in instalments.</summary>
public static class PayLaterCheckoutEndpoints
{
    private static readonly ActivitySource Source = new("Bank.PayLater");

    public static EndpointRoutes MapPayLater(this EndpointRoutes routes) => routes.MapPost("/pay-later/applications", ApplyAsync);

    private static async Task<ActionResult> ApplyAsync(
        BnplApplication application,
        ICreditBureau bureau,
        ICustomerDirectory customers,
        Meter meter,
        Pseudonymizer pseudonymizer,
        ILogger<BnplApplication> logger,
        CancellationToken cancellationToken)
    {
        using var span = Source.StartBnplOperation(application.Retailer);
        span.SetBnplCustomerId(pseudonymizer.PseudonymizeBnplCustomerId(application.CustomerNumber)); // clean generated-api
        span.SetBnplInstalmentCount(application.Instalments); // clean generated-api
        Activity.Current?.SetTag("bnpl.order_number", application.OrderNumber); // clean direct
        Activity.Current?.SetTag("bnpl.basket_total", application.BasketTotal); // clean direct
        Activity.Current?.SetTag("bnpl.customer_number", application.CustomerNumber); // leak TC1001 direct
        Activity.Current?.SetTag("bnpl.customer_email", application.Email); // leak TC1001 direct
        logger.LogInformation("Pay-later application {ApplicationId} at {Retailer} for order {OrderNumber}", application.ApplicationId, application.Retailer, application.OrderNumber); // clean direct
        logger.LogInformation("Pay-later application {@Application}", application); // leak TC1001 logging-objects
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Customer"] = application.CustomerNumber }); // leak TC1001 direct

        var decision = await bureau.AssessAsync(application, cancellationToken);
        logger.LogInformation("Affordability {@Decision}", decision); // clean logging-objects
        span.SetBnplOutcome(decision.Outcome); // clean generated-api
        Activity.Current?.SetTag("bnpl.credit_search_id", decision.CreditSearchId); // clean direct
        Activity.Current?.SetTag("bnpl.score_band", decision.ScoreBand); // clean direct
        meter.CreateBnplAgreementsCounter().Add(1, bnplRetailer: application.Retailer, bnplOutcome: decision.Outcome); // clean generated-api
        meter.CreateBnplAgreementsCounter().Add(1, bnplRetailer: application.Retailer, bnplOutcome: application.Email); // leak TC1003 generated-api

        var customer = await customers.FindAsync(application.CustomerNumber, cancellationToken);
        var age = customer is null ? 0 : DateTime.UtcNow.Year - customer.DateOfBirth.Year;
        Activity.Current?.SetTag("bnpl.customer_age", age); // clean precision-about
        Activity.Current?.SetTag("bnpl.customer_dob", customer?.DateOfBirth.ToString("O", CultureInfo.InvariantCulture)); // leak TC1001 direct
        Activity.Current?.SetTag("bnpl.customer_tier", customer?.Segment); // clean precision-names
        Activity.Current?.SetTag("bnpl.postcode_district", customer?.Postcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag(BnplAttributes.Contact, customer?.MobileNumber); // leak TC1001 generated-api
        return new OkResult(decision.DecisionId);
    }
}
