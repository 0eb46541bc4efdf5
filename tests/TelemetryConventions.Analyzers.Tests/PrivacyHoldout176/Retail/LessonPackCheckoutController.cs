namespace PrivacyHoldout176.Retail;

/// <summary>Sells language lesson packs at the till and online; the pack is activated on the customer's account.</summary>
[ApiController]
[Route("api/lesson-packs")]
public sealed partial class LessonPackCheckoutController(Pseudonymizer pseudonymizer, ILogger<LessonPackCheckoutController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retailer.LessonPacks");
    private static readonly Meter Meter = new("Retailer.LessonPacks");
    private static readonly Counter<decimal> Revenue = Meter.CreateCounter<decimal>("lessonpacks.revenue");
    private readonly StorelanguageOperationsCounter _operations = Meter.CreateStorelanguageOperationsCounter();

    [HttpPost("checkout")]
    public ActionResult Checkout([FromBody] LessonPurchase purchase)
    {
        using var span = Source.StartStorelanguageOperation(purchase.StoreCode);
        span.SetStorelanguageLearnerId(pseudonymizer.PseudonymizeStorelanguageLearnerId(purchase.CustomerNumber)); // clean generated-api
        span.SetStorelanguageOutcome("sold"); // clean generated-api
        span.SetStorelanguageNote("Receipt sent to " + purchase.Email); // leak TC1001 generated-api

        Activity.Current?.SetTag("store.code", purchase.StoreCode); // clean precision-names
        Activity.Current?.SetTag("course.code", purchase.CourseCode); // clean precision-names
        Activity.Current?.SetTag("customer.number", purchase.CustomerNumber); // leak TC1001 direct
        Activity.Current?.SetTag("customer.email_domain", purchase.Email[(purchase.Email.IndexOf('@') + 1)..]); // clean precision-about
        Baggage.SetBaggage("customer.ref", pseudonymizer.Compute("learner", purchase.CustomerNumber)); // clean precision-pseudonym
        Baggage.SetBaggage("customer.number", purchase.CustomerNumber); // leak TC1001 direct

        Revenue.Add(purchase.Price, new KeyValuePair<string, object?>("store", purchase.StoreCode), new KeyValuePair<string, object?>("course", purchase.CourseCode)); // clean precision-names
        Revenue.Add(purchase.Price, new KeyValuePair<string, object?>("customer", pseudonymizer.Compute("learner", purchase.CustomerNumber))); // leak TC1003 precision-pseudonym
        _operations.Add(1, purchase.StoreCode); // clean generated-api

        LogSold(logger, purchase.CourseCode, purchase.StoreCode, purchase.Price); // clean precision-names
        LogActivated(logger, purchase.CustomerNumber, purchase.Email); // leak TC1001 direct
        logger.LogInformation("Purchase {Purchase}", purchase); // leak TC1001 logging-objects
        logger.LogInformation("Activation mail for {Customer}", new ActivationMail(purchase.CustomerNumber, purchase.CourseCode)); // leak TC1001 logging-objects
        logger.LogInformation("Activation mail {Mail}", new ActivationSummary(purchase.CourseCode, purchase.StoreCode)); // clean logging-objects
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sold {CourseCode} at {StoreCode} for {Price}")]
    private static partial void LogSold(ILogger logger, string courseCode, string storeCode, decimal price);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activated for {CustomerNumber} ({Email})")]
    private static partial void LogActivated(ILogger logger, string customerNumber, string email);
}

/// <summary>The activation mail queued for a customer: customer number and course.</summary>
public sealed record ActivationMail(string CustomerNumber, string CourseCode);

/// <summary>What was activated, without the customer.</summary>
public sealed record ActivationSummary(string CourseCode, string StoreCode);
