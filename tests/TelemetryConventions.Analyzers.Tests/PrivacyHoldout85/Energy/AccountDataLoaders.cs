namespace PrivacyHoldout85.Energy;

public sealed record SupplyAccount(string AccountNumber, string HolderName, string SupplyPostcode, string TariffCode, decimal Balance);

public interface IAccountStore
{
    Task<IReadOnlyList<SupplyAccount>> GetAsync(IReadOnlyList<string> accountNumbers, CancellationToken cancellationToken);
}

public sealed class AccountByNumberDataLoader(IAccountStore store, IBatchScheduler scheduler) : BatchDataLoader<string, SupplyAccount>(scheduler, new DataLoaderOptions(MaxBatchSize: 100))
{
    public override string Name => "accountByNumber";

    protected override async Task<IReadOnlyDictionary<string, SupplyAccount>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        (await store.GetAsync(keys, cancellationToken)).ToDictionary(a => a.AccountNumber);
}

[QueryType]
public sealed class AccountQueries(ILogger<AccountQueries> logger)
{
    [Authorize(Policy = "AccountHolder")]
    public async Task<SupplyAccount?> GetAccountAsync(string accountNumber, AccountByNumberDataLoader accounts, IResolverContext context)
    {
        var account = await accounts.LoadAsync(accountNumber, context.RequestAborted);
        if (account is null)
        {
            logger.LogWarning("No supply account {AccountNumber}", accountNumber); // leak TC1001 direct
            return null;
        }

        Activity.Current?.SetTag("grid.account.district", account.SupplyPostcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("grid.account.holder", account.HolderName); // leak TC1001 direct
        logger.LogDebug("Resolved {Account}", account); // leak TC1001 logging-objects
        return account;
    }
}

/// <summary>DataLoader diagnostics: one span per batch, the batch sizes, and the failures.</summary>
public sealed class GridDataLoaderListener(ILogger<GridDataLoaderListener> logger, Meter meter) : DataLoaderDiagnosticEventListener
{
    private static readonly ActivitySource Source = new("Grid.GraphQL.DataLoaders");
    private readonly Counter<long> _itemErrors = meter.CreateCounter<long>("grid.dataloader.item_errors");

    public override IDisposable ExecuteBatch<TKey>(IDataLoader dataLoader, IReadOnlyList<TKey> keys)
    {
        var batch = Source.StartGridgqlBatch(dataLoader.Name).SetGridgqlBatchSize(keys.Count); // clean precision-about
        if (batch.Activity is { } activity)
        {
            activity.DisplayName = $"dataloader {dataLoader.Name} ({keys.Count})"; // clean precision-about
        }

        meter.CreateGridgqlDataloaderKeysHistogram().Record(keys.Count, dataLoader.Name); // clean precision-about
        return batch;
    }

    public override void BatchError<TKey>(IReadOnlyList<TKey> keys, Exception error)
    {
        Activity.Current?.SetTag("grid.dataloader.keys", string.Join(";", keys)); // leak TC1001 strings
        Activity.Current?.AddException(error); // clean exceptions
        logger.LogError(error, "Batch of {Count} keys failed", keys.Count); // clean precision-about
    }

    public override void BatchItemError<TKey>(TKey key, Exception error)
    {
        _itemErrors.Add(1, new KeyValuePair<string, object?>("error.type", error.GetType().Name)); // clean exceptions
        logger.LogWarning("DataLoader key {Key} failed: {Error}", key, error.Message); // leak TC1001 direct
    }

    public override void BatchResults<TKey, TValue>(IReadOnlyList<TKey> keys, IReadOnlyList<TValue> values)
    {
        var missing = values.Count(v => v is null);
        Activity.Current?.SetTag("grid.dataloader.missing", missing); // clean precision-about
        if (missing > 0 && values.FirstOrDefault(v => v is not null) is SupplyAccount sample)
        {
            logger.LogDebug("Partial batch; sample result {Sample}", sample); // leak TC1001 logging-objects
            logger.LogDebug("Partial batch on tariff {Tariff}, balance band {Band}", sample.TariffCode, sample.Balance < 0 ? "debit" : "credit"); // clean precision-about
        }
    }
}
