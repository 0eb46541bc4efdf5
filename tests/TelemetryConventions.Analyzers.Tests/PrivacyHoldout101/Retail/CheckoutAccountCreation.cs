namespace PrivacyHoldout101.Retail;

/// <summary>A guest checkout turned into an account on the confirmation page.</summary>
public sealed record GuestConversion(string OrderNumber, string GuestEmail, string Password, string FirstName, string Postcode, bool MarketingOptIn);

/// <summary>The customer record behind an account.</summary>
public sealed record ShopCustomer(string CustomerNumber, string Email, string FirstName, string LoyaltyCardNumber, string Tier);

public interface ICustomerRecords
{
    Task<ShopCustomer> CreateAsync(string accountId, GuestConversion conversion, CancellationToken cancellationToken);

    Task<int> ClaimGuestOrdersAsync(string customerNumber, string guestEmail, CancellationToken cancellationToken);
}

/// <summary>Creates an account from a guest checkout and merges the guest's earlier orders into it.</summary>
public sealed class CheckoutAccountCreation(
    IAccountManager<AccountUser> accounts,
    ICustomerRecords customers,
    IConsentLedger ledger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<CheckoutAccountCreation> logger)
{
    private readonly ShopacctFlowsCounter _flows = meter.CreateShopacctFlowsCounter();
    private readonly Counter<long> _claimed = meter.CreateCounter<long>("shopacct.guest_orders_claimed");

    public async Task<string?> ConvertAsync(GuestConversion conversion, CancellationToken cancellationToken)
    {
        using var span = source.StartShopacctFlow("sign_up").SetShopacctClientId("shop-web");
        Activity.Current?.SetTag("shopacct.order", conversion.OrderNumber); // clean precision-names
        Activity.Current?.SetTag("shopacct.guest_email", conversion.GuestEmail); // leak TC1001 direct
        Activity.Current?.SetTag("shopacct.marketing_opt_in", conversion.MarketingOptIn); // clean precision-about

        var user = new AccountUser { UserName = conversion.GuestEmail, Email = conversion.GuestEmail, EmailConfirmed = true };
        var created = await accounts.CreateAsync(user, conversion.Password);
        if (!created.Succeeded)
        {
            logger.LogWarning("Guest conversion failed: {Conversion}", conversion); // leak TC1001 logging-objects
            logger.LogWarning("Guest conversion failed with {ErrorCount} errors: {Codes}", created.Errors.Count(), created.ToString()); // clean logging-objects
            _flows.Add(1, "sign_up", "invalid"); // clean generated-api
            return null;
        }

        var customer = await customers.CreateAsync(user.Id, conversion, cancellationToken);
        span.SetShopacctCustomerId(pseudonymizer.PseudonymizeShopacctCustomerId(customer.CustomerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("shopacct.tier", customer.Tier); // clean precision-names
        Activity.Current?.SetTag("shopacct.loyalty_card.last4", customer.LoyaltyCardNumber[^4..]); // clean precision-about
        logger.LogInformation("Welcome {FirstName}, card {LoyaltyCard}", customer.FirstName, customer.LoyaltyCardNumber); // leak TC1001 direct

        if (conversion.MarketingOptIn)
        {
            var consent = await ledger.RecordAsync(customer.CustomerNumber, "marketing-email", true, "checkout", cancellationToken);
            span.SetShopacctRequestId(consent.ConsentId.ToString()); // clean generated-api
            logger.LogInformation("Marketing consent {ConsentId} recorded at checkout for {Customer}", consent.ConsentId, customer); // leak TC1001 logging-objects
        }

        var claimed = await customers.ClaimGuestOrdersAsync(customer.CustomerNumber, conversion.GuestEmail, cancellationToken);
        _claimed.Add(claimed, new KeyValuePair<string, object?>("shopacct.tier", customer.Tier)); // clean precision-names
        _claimed.Add(claimed, new KeyValuePair<string, object?>("shopacct.customer", customer.CustomerNumber)); // leak TC1003 direct
        span.SetShopacctNote($"claimed {claimed} guest orders for {customer.Email}"); // leak TC1001 generated-api
        var bucket = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(customer.CustomerNumber))) % 100;
        Activity.Current?.SetTag("shopacct.experiment.bucket", bucket); // leak TC1002 hashes
        Activity.Current?.SetTag("shopacct.cohort", BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(customer.CustomerNumber))) % 100); // clean hashes
        return customer.CustomerNumber;
    }
}
