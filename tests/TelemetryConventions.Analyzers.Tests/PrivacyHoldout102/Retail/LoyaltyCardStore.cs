namespace PrivacyHoldout102.Retail;

public sealed record LoyaltyAccount(string LoyaltyCard, string CustomerNumber, int Points, string Tier);

/// <summary>Loyalty card registration and points, over Dapper; the card number is unique.</summary>
public sealed class LoyaltyCardStore(IDbConnection connection, IMemoryCache cache, ILogger<LoyaltyCardStore> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Shop.Loyalty.Data");

    public async Task<bool> RegisterAsync(string loyaltyCard, string customerNumber, CancellationToken ct)
    {
        using var span = Source.StartShopstoreQuery("loyalty-register").SetShopstoreEntity(nameof(LoyaltyAccount)).SetShopstoreDbOperation("insert"); // clean generated-api
        try
        {
            await connection.ExecuteAsync("INSERT INTO LoyaltyAccounts (LoyaltyCard, CustomerNumber, Points, Tier) VALUES (@loyaltyCard, @customerNumber, 0, 'bronze')", new { loyaltyCard, customerNumber });
            logger.LogInformation("Loyalty card registered for {Customer}", pseudonymizer.ComputeShopstoreCustomerId(customerNumber)); // clean precision-pseudonym
            return true;
        }
        catch (SqlServerException ex) when (ex.Number is 2601 or 2627)
        {
            // IX_LoyaltyAccounts_LoyaltyCard: the duplicate key value is the card number.
            logger.LogWarning(ex, "Loyalty card already registered"); // leak TC1001 exceptions
            span.SetShopstoreOutcome("duplicate").SetShopstoreNote(ex.Message); // leak TC1001 generated-api
            span.SetStatus(ActivityStatusCode.Error, $"duplicate key on {ex.IndexName}"); // clean exceptions
            return false;
        }
    }

    public async Task<LoyaltyAccount?> ByCardAsync(string loyaltyCard, CancellationToken ct)
    {
        var key = "loyalty:" + loyaltyCard;
        if (cache.TryGetValue(key, out LoyaltyAccount? account))
        {
            logger.LogDebug("Loyalty cache hit for {Key}", key); // leak TC1001 strings
            return account;
        }
        account = await connection.QuerySingleOrDefaultAsync<LoyaltyAccount>("SELECT LoyaltyCard, CustomerNumber, Points, Tier FROM LoyaltyAccounts WHERE LoyaltyCard = @loyaltyCard", new { loyaltyCard });
        logger.LogDebug("Loyalty account on tier {Tier} with {Points} points", account?.Tier, account?.Points); // clean precision-about
        logger.LogDebug("Loyalty account {Account}", account); // leak TC1001 logging-objects
        logger.LogDebug("Loyalty lookup {Query}", "SELECT ... WHERE LoyaltyCard = @loyaltyCard"); // clean strings
        return account;
    }
}
