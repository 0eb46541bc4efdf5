namespace PrivacyHoldout153.Retail;

/// <summary>
/// Checks out pharmacy medicines in the online shop: the customer's consultation questionnaire goes to a pharmacist, and
/// quantity limits per customer are enforced.
/// </summary>
public sealed partial class MedicineCheckoutHandler(
    ICustomerStore customers,
    HighStreetOptions options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<MedicineCheckoutHandler> logger)
{
    private static readonly ActivitySource Source = new("HighStreet.Shop.Medicines");
    private static readonly Meter Meter = new("HighStreet.Shop.Medicines");
    private static readonly Counter<long> Questionnaires = Meter.CreateCounter<long>("shop.questionnaires");

    private readonly Dictionary<string, int> _packetsToday = new();

    public async Task<bool> CheckoutAsync(MedicineQuestionnaire questionnaire, int packets, string store, CancellationToken cancellationToken)
    {
        using var span = Source.StartPharmacyshopOperation(store);
        span.SetPharmacyshopCategory("p-medicine").SetPharmacyshopItemCount(packets); // clean precision-about
        span.SetPharmacyshopCustomerId(pseudonymizer.PseudonymizePharmacyshopCustomerId(questionnaire.CustomerNumber)); // clean generated-api
        span.SetPharmacyshopPharmacistId(pseudonymizer.PseudonymizePharmacyshopPharmacistId(questionnaire.PharmacistGphcNumber)); // clean generated-api
        Activity.Current?.SetTag("shop.sku", questionnaire.Sku); // clean precision-about
        Activity.Current?.SetTag("shop.questionnaire.answers", string.Join("|", questionnaire.Answers)); // leak TC1001 direct
        Activity.Current?.SetTag("shop.questionnaire.answer_count", questionnaire.Answers.Count); // clean precision-about

        var customer = await customers.FindAsync(questionnaire.CustomerNumber, cancellationToken);
        if (customer is null)
        {
            logger.LogPharmacyshopOperationFailedEvent(store, "no-customer", pharmacyshopCustomerId: pseudonymizer.PseudonymizePharmacyshopCustomerId(questionnaire.CustomerNumber)); // clean generated-api
            return false;
        }

        var age = DateTime.UtcNow.Year - customer.DateOfBirth.Year;
        Activity.Current?.SetTag("shop.customer.age", age); // clean precision-about
        Activity.Current?.SetTag("shop.customer.dob", customer.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // leak TC1001 direct

        try
        {
            var total = _packetsToday.GetValueOrDefault(customer.CustomerNumber) + packets;
            if (total > options.MaxPacketsPerOrder)
            {
                throw new PurchaseLimitException(customer.CustomerNumber, questionnaire.Sku);
            }
            _packetsToday[customer.CustomerNumber] = total;
        }
        catch (PurchaseLimitException ex)
        {
            span.SetPharmacyshopOutcome("limit"); // clean exceptions
            logger.LogWarning("Limit reached: {Message}", ex.Message); // leak TC1001 exceptions
            Meter.CreatePharmacyshopOrdersCounter().Add(1, store, pharmacyshopOutcome: "limit"); // clean generated-api
            return false;
        }

        Questionnaires.Add(1, new KeyValuePair<string, object?>("shop.sku", questionnaire.Sku), new KeyValuePair<string, object?>("shop.approved", questionnaire.Approved)); // clean precision-about
        Questionnaires.Add(0, new KeyValuePair<string, object?>("shop.pharmacist", questionnaire.PharmacistGphcNumber)); // leak TC1003 direct
        logger.LogInformation("Questionnaire {@Questionnaire}", questionnaire); // leak TC1001 logging-objects
        logger.LogInformation("Questionnaire {QuestionnaireId} approved {Approved}", questionnaire.QuestionnaireId, questionnaire.Approved); // clean precision-names
        LogApproved(logger, customer.Name, questionnaire.Sku); // clean logging-objects
        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(customer.CustomerNumber))[1] % 8;
        Questionnaires.Add(0, new KeyValuePair<string, object?>("shop.lane", lane)); // clean hashes
        Activity.Current?.SetTag("shop.customer.hash", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(customer.Email)))[..16]); // leak TC1002 hashes
        return true;
    }

    public void CloseDay(Activity? activity)
    {
        activity?.SetTag("shop.limit.customers", _packetsToday.Count); // clean cross-member
        activity?.SetTag("shop.limit.heaviest", _packetsToday.MaxBy(p => p.Value).Key); // leak TC1001 cross-member
        _packetsToday.Clear();
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Approved {Sku} for {CustomerName}")]
    private static partial void LogApproved(ILogger logger, [PrivateData] string customerName, string sku);
}
