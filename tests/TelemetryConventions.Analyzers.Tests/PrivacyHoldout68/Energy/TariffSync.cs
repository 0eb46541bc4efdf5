using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Azure.Cosmos;

namespace PrivacyHoldout68.Energy;

/// <summary>A supply point in the "supply-points" container: id the MPAN, partitioned by /accountNumber.</summary>
public sealed record SupplyPoint(string id, string accountNumber, string MeterSerial, string Tariff, string Region);

/// <summary>
/// Moves supply points to a new tariff after the industry's switching message, using the supplier's
/// credentials for the data hub ("hub-{supplierId}-client-secret" in Key Vault), and reports the switch.
/// The supplier's Cosmos client runs in gateway mode, so its diagnostics quote the item links.
/// </summary>
public sealed class TariffSync(CosmosClient cosmos, SecretClient vault, ConsumptionLedger ledger, Pseudonymizer pseudonymizer, ILogger<TariffSync> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Tariffs");
    private readonly Container _points = cosmos.GetContainer("supply", "supply-points");

    public async Task SwitchAsync(string accountNumber, string mpan, string newTariff, long version, string supplierId, CancellationToken ct)
    {
        using var span = Source.StartReadingIngest("tariff switch " + newTariff); // clean precision-names
        try
        {
            var hubSecret = await vault.GetSecretAsync($"hub-{supplierId}-client-secret", cancellationToken: ct);
            span.Activity?.SetTag("keyvault.secret.id", hubSecret.Value.Id.ToString()); // clean precision-names
            var point = await _points.ReadItemAsync<SupplyPoint>(mpan, new PartitionKey(accountNumber), cancellationToken: ct);
            span.Activity?.SetTag("supply.tariff.previous", point.Resource.Tariff); // clean precision-about
            span.Activity?.SetTag("db.cosmosdb.request_charge", point.RequestCharge); // clean precision-about
            var moved = await _points.ReplaceItemAsync(point.Resource with { Tariff = newTariff }, mpan, new PartitionKey(accountNumber), new ItemRequestOptions { IfMatchEtag = point.ETag }, ct);
            logger.LogInformation("Supply point moved to {Tariff}: {@Point}", newTariff, moved.Resource); // leak TC1001 logging-objects
            logger.LogInformation("Supply point moved to {Tariff} in {Region} ({Charge} RU)", newTariff, moved.Resource.Region, moved.RequestCharge); // clean precision-about
            await ledger.AddAsync(accountNumber, point.Resource.Region, 0m, version, ct);
        }
        catch (ConsumptionConflictException ex)
        {
            span.SetReadingOutcome("conflict").SetReadingNote(ex.Message); // leak TC1001 exceptions
            span.SetReadingAccountId(pseudonymizer.PseudonymizeReadingAccountId(accountNumber)).SetReadingNote($"expected version {ex.ExpectedVersion}"); // clean precision-pseudonym
        }
        catch (CosmosException ex) when (ex.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            logger.LogWarning("Switch throttled, retry after {RetryAfter}; diagnostics {Diagnostics}", ex.RetryAfter, ex.Diagnostics); // leak TC1001 logging-objects
        }
        catch (RequestFailedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError("Data hub credential {Status} {ErrorCode}: {Message}", ex.Status, ex.ErrorCode, ex.Message); // clean exceptions
        }
    }
}
