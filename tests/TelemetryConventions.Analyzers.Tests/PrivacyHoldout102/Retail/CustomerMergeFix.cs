namespace PrivacyHoldout102.Retail;

public sealed record DuplicatePair(long KeepId, long DropId, string Email);

/// <summary>Merges customer accounts created twice with the same email before the unique index existed.</summary>
public sealed class CustomerMergeFix(ShopDbContext db, IDbConnection connection, ILogger<CustomerMergeFix> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Shop.Fixes");
    private static readonly Meter Meter = new("Shop.Fixes");
    private static readonly Counter<long> Merged = Meter.CreateCounter<long>("shop.fix.merged");

    public async Task RunAsync(string staffNumber, CancellationToken ct)
    {
        using var span = Source.StartShopstoreFix("20250601_merge_duplicate_customers").SetShopstoreEntity(nameof(Customer)).SetShopstoreStaffId(pseudonymizer.PseudonymizeShopstoreStaffId(staffNumber)); // clean precision-pseudonym
        var pairs = (await connection.QueryAsync<DuplicatePair>("SELECT MIN(Id) AS KeepId, MAX(Id) AS DropId, Email FROM Customers GROUP BY Email HAVING COUNT(*) > 1")).ToList();
        logger.LogInformation("Found {Count} duplicate customer pairs", pairs.Count); // clean precision-about
        foreach (var pair in pairs)
        {
            var moved = await db.Orders.Where(o => o.CustomerId == pair.DropId).ExecuteUpdateAsync(s => s.SetProperty(o => o.CustomerId, pair.KeepId), ct);
            await db.Customers.Where(c => c.Id == pair.DropId).ExecuteDeleteAsync(ct);
            logger.LogInformation("Merged {Pair}, moving {Orders} orders", pair, moved); // leak TC1001 logging-objects
            Merged.Add(1, new KeyValuePair<string, object?>("fix", "20250601_merge_duplicate_customers")); // clean precision-names
            Merged.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeShopstoreCustomerId(pair.Email))); // leak TC1003 precision-pseudonym
            span.SetShopstoreNote($"merged into {pair.KeepId}"); // leak TC1001 generated-api
        }
        span.SetShopstoreRows(pairs.Count).SetShopstoreOutcome("ok"); // clean precision-about
        var errors = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Customers WHERE Email IS NULL");
        logger.LogInformation("{Count} customers still without an email after the merge", errors); // clean precision-about
        Activity.Current?.SetTag("fix.staff", staffNumber); // leak TC1001 direct
    }
}
