using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;

namespace PrivacyCorpus.Energy;

public sealed record BillingAccount(string AccountNumber, string HolderName, string TaxId, string Tariff, string AccountType)
{
    [PrivateData]
    public string? BillingEmail { get; init; }
}

public sealed class AccountNotFoundException(string accountNumber) : Exception("Billing account " + accountNumber + " not found");

public sealed class TariffMismatchException(string tariff) : Exception($"Tariff {tariff} is retired");

public interface IDbConnectionFactory
{
    Task<IReadOnlyDictionary<string, object?>?> QuerySingleAsync(string sql, object parameters, CancellationToken cancellationToken);
}

/// <summary>Reads billing accounts from the billing database.</summary>
public sealed class BillingAccountRepository(IDbConnectionFactory db, ILogger<BillingAccountRepository> logger)
{
    private static readonly ActivitySource Source = new("Utility.Billing.Db");

    private static readonly Action<ILogger, string, string, Exception?> AccountLoaded =
        LoggerMessage.Define<string, string>(LogLevel.Debug, new EventId(4200, nameof(AccountLoaded)), "Loaded account {AccountNumber} on tariff {Tariff}");

    private static readonly Action<ILogger, string, Exception?> StorageUsed =
        LoggerMessage.Define<string>(LogLevel.Debug, new EventId(4201, nameof(StorageUsed)), "Invoices archived to {StorageAccountName}");

    private readonly string _storageAccountName = "utilinvoiceseuw01";

    public async Task<BillingAccount> GetAsync(string accountNumber, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("SELECT billing.accounts");
        activity?.SetTag("db.system.name", "postgresql"); // clean direct
        activity?.SetTag("db.query.text", "SELECT * FROM accounts WHERE account_number = @accountNumber"); // clean precision-names
        activity?.SetTag("db.query.parameter.account_number", accountNumber); // leak TC1001 direct

        var row = await db.QuerySingleAsync("SELECT * FROM accounts WHERE account_number = @accountNumber", new { accountNumber }, cancellationToken)
            ?? throw new AccountNotFoundException(accountNumber);

        var account = Map(row);
        AccountLoaded(logger, account.AccountNumber, account.Tariff, null); // leak TC1001 direct
        StorageUsed(logger, _storageAccountName, null); // clean precision-names
        logger.LogDebug("Loaded {Account}", account); // leak TC1001 logging-objects
        logger.LogDebug("Account type {AccountType} on {Tariff}", account.AccountType, account.Tariff); // clean precision-names
        logger.LogInformation("Invoice contact is {BillingEmail}", account.BillingEmail); // leak TC1001 logging-objects
        return account;
    }

    public async Task<BillingAccount?> TryGetAsync(string accountNumber, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(accountNumber, cancellationToken);
        }
        catch (AccountNotFoundException ex)
        {
            logger.LogWarning("Lookup failed: {Error}", ex.Message); // leak TC1001 exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            return null;
        }
    }

    public void CheckTariff(BillingAccount account)
    {
        try
        {
            if (account.Tariff.StartsWith("legacy", StringComparison.Ordinal))
            {
                throw new TariffMismatchException(account.Tariff);
            }
        }
        catch (TariffMismatchException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
    }

    public void TagTaxStatus(BillingAccount account)
    {
        Activity.Current?.SetTag("utility.account.tax_id", account.TaxId); // leak TC1001 precision-names
        Activity.Current?.SetTag("utility.account.tax_registered", !string.IsNullOrEmpty(account.TaxId)); // clean precision-about
        Activity.Current?.SetTag("utility.account.holder", account.HolderName); // leak TC1001 precision-names
    }

    private static BillingAccount Map(IReadOnlyDictionary<string, object?> row) =>
        new((string)row["account_number"]!, (string)row["holder_name"]!, (string)row["tax_id"]!, (string)row["tariff"]!, (string)row["account_type"]!);
}
