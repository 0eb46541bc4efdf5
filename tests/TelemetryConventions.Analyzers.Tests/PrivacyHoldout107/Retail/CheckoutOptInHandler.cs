namespace PrivacyHoldout107.Retail;

/// <summary>The checkout's marketing opt-in tick box, posted to the CRM as a consent and a campaign response.</summary>
public sealed class CheckoutOptInHandler(
    ICrmServiceClient crm,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CheckoutOptInHandler> logger)
{
    private static readonly ActivitySource Source = new("Retailer.Crm.OptIn");
    private static readonly Meter Meter = new("Retailer.Crm.OptIn");
    private static readonly Counter<long> OptIns = Meter.CreateCounter<long>("loycrm.checkout.optins");

    public async Task HandleAsync(string orderNumber, string customerNumber, string email, bool optedIn, string storeCode, CancellationToken cancellationToken)
    {
        using var span = Source.StartLoycrmSend("checkout-optin");
        span.SetLoycrmConsentPurpose("marketing"); // clean precision-names
        span.SetLoycrmMemberId(pseudonymizer.PseudonymizeLoycrmMemberId(customerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("order.number", orderNumber); // clean precision-names
        span.Activity?.SetTag("customer.number", customerNumber); // leak TC1001 direct
        OptIns.Add(1, new TagList { { "store", storeCode }, { "opted_in", optedIn } }); // clean precision-about

        var record = new ConsentRecord(customerNumber, "marketing", "email", optedIn, $"checkout:{orderNumber}", "2024-03", DateTimeOffset.UtcNow);
        logger.LogInformation("Consent {Purpose} {Granted} from {Source}", record.Purpose, record.Granted, record.Source); // clean precision-names
        logger.LogInformation("Consent captured {@Consent}", record); // leak TC1001 logging-objects

        var response = new Entity("campaignresponse") { ["subject"] = $"Checkout opt-in {orderNumber}", ["loy_email"] = email };
        try
        {
            await crm.CreateAsync(response, cancellationToken);
        }
        catch (CrmFaultException ex)
        {
            logger.LogWarning(ex, "Campaign response for order {Order} refused", orderNumber); // leak TC1001 exceptions
            span.SetLoycrmOutcome($"fault-{ex.ErrorCode:x8}"); // clean precision-about
        }

        span.Activity?.SetTag(LoycrmAttributes.MatchKey, Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(email)))[..12]); // clean hashes
        span.Activity?.SetTag("email.sha1", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(email)))); // leak TC1002 hashes
    }
}
