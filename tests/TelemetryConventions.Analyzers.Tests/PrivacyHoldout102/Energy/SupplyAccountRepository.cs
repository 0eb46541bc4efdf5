namespace PrivacyHoldout102.Energy;

public sealed class SupplyAccount
{
    public long Id { get; set; }

    public required string AccountNumber { get; set; }

    public required string HolderName { get; set; }

    public string? HolderEmail { get; set; }

    public required string TariffCode { get; set; }

    public decimal Balance { get; set; }

    public byte[] RowVersion { get; set; } = [];

    public override string ToString() => $"SupplyAccount {AccountNumber} ({TariffCode})";
}

public sealed class BillingDbContext : DbContext
{
    public DbSet<SupplyAccount> Accounts => Set<SupplyAccount>();
}

/// <summary>Account changes from the agents' desktop, with a row-version check on the balance.</summary>
public sealed class SupplyAccountRepository(BillingDbContext db, IUnitOfWork unitOfWork, ILogger<SupplyAccountRepository> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Supplier.Billing.Data");

    public async Task<bool> ChangeTariffAsync(string accountNumber, string tariffCode, string agentStaffNumber, CancellationToken ct)
    {
        using var span = Source.StartMeterstoreQuery("account-by-number").SetMeterstoreEntity(nameof(SupplyAccount)).SetMeterstoreDbOperation("update"); // clean generated-api
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.AccountNumber == accountNumber, ct);
        if (account is null)
        {
            span.SetMeterstoreOutcome("not_found").SetMeterstoreNote($"no account {accountNumber}"); // leak TC1001 generated-api
            return false;
        }
        var previous = account.TariffCode;
        account.TariffCode = tariffCode;
        try
        {
            await unitOfWork.CommitAsync(ct);
            logger.LogInformation("Tariff changed from {From} to {To} by agent {Agent}", previous, tariffCode, pseudonymizer.ComputeMeterstoreStaffId(agentStaffNumber)); // clean precision-pseudonym
            logger.LogInformation("Tariff changed on {Account}", account); // leak TC1001 logging-objects
            return true;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            var entry = ex.Entries[0];
            var stored = await entry.GetDatabaseValuesAsync(ct);
            var storedTariff = stored?.GetValue<string>(nameof(SupplyAccount.TariffCode));
            logger.LogMeterstoreConcurrencyConflictEvent(nameof(SupplyAccount), "conflict", pseudonymizer.PseudonymizeMeterstoreAccountId(accountNumber), $"tariff is now {storedTariff}"); // clean generated-api
            logger.LogWarning("Balance moved to {StoredBalance} while agent worked", stored?[nameof(SupplyAccount.Balance)]); // clean precision-about
            logger.LogWarning("Holder is now {StoredHolder}", stored?[nameof(SupplyAccount.HolderName)]); // leak TC1001 cross-member
            logger.LogWarning("Conflicting properties {Properties}", string.Join(",", entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))); // clean precision-names
            Activity.Current?.AddException(ex); // clean exceptions
            Activity.Current?.SetTag("billing.agent", agentStaffNumber); // leak TC1001 direct
            Activity.Current?.SetTag(MeterstoreAttributes.AccountContact, pseudonymizer.ComputeMeterstoreAccountId(accountNumber)); // leak TC1001 precision-pseudonym
            return false;
        }
    }

    public async Task<IReadOnlyList<SupplyAccount>> InCreditAsync(string tariffCode, CancellationToken ct)
    {
        var accounts = await db.Accounts.AsNoTracking().TagWith("in-credit-by-tariff").Where(a => a.TariffCode == tariffCode && a.Balance > 0).ToListAsync(ct);
        logger.LogInformation("{Count} accounts in credit on {Tariff}, total {Total}", accounts.Count, tariffCode, accounts.Sum(a => a.Balance)); // clean precision-about
        logger.LogDebug("In-credit SQL: {Sql}", db.Accounts.TagWith("in-credit-by-tariff").Where(a => a.TariffCode == tariffCode).ToQueryString()); // clean strings
        logger.LogDebug("Largest credit {Account}", accounts.OrderByDescending(a => a.Balance).FirstOrDefault()?.AccountNumber); // leak TC1001 cross-member
        return accounts;
    }
}
