namespace PrivacyHoldout118.Retail;

/// <summary>
/// Marketing preferences from the preference centre, the tills (receipts by email) and the app are synced
/// to the email platform's suppression list. The list is matched on SHA-256 of the lower-cased email, as
/// the platform asks.
/// </summary>
public sealed class MarketingPreferenceSync(
    IConsentLedger ledger,
    Pseudonymizer pseudonymizer,
    ILogger<MarketingPreferenceSync> logger)
{
    private static readonly ActivitySource Source = new("Shop.Privacy.Preferences");
    private static readonly Meter Meter = new("Shop.Privacy.Preferences");
    private static readonly Counter<long> Synced = Meter.CreateCounter<long>("rtdsr.preferences.synced");

    public async Task SyncAsync(IReadOnlyList<ShopperPreference> changes, CancellationToken ct)
    {
        using var span = Source.StartRtdsrRequest(Guid.NewGuid().ToString(), "consent");
        span.SetRtdsrRecordsCount(changes.Count); // clean precision-about
        foreach (var change in changes)
        {
            var suppressionKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(change.Email.Trim().ToLowerInvariant()))).ToLowerInvariant();
            logger.LogDebug("Suppression key {Key} for store {Store}", suppressionKey, change.StoreNumber); // leak TC1002 hashes
            logger.LogInformation("Preference from store {Store} via {Source}: {Topic}={OptedIn}", change.StoreNumber, change.Source, change.Topic, change.OptedIn); // clean precision-names
            logger.LogDebug("Preference {Change}", change); // leak TC1001 logging-objects
            span.Activity?.SetTag("rtdsr.customer.bucket", Math.Abs(change.CustomerNumber.GetHashCode() % 64)); // leak TC1002 hashes
            Synced.Add(1, new KeyValuePair<string, object?>("source", change.Source), new KeyValuePair<string, object?>("opted_in", change.OptedIn)); // clean precision-about
            Synced.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeRtdsrSubjectId(change.CustomerNumber))); // leak TC1003 precision-pseudonym
            await ledger.AppendAsync(new ConsentReceipt(Guid.NewGuid(), change.CustomerNumber, "mkt-7", new[] { new PurposeConsent(change.Topic, change.OptedIn, "consent") }, DateTimeOffset.UtcNow, change.Source), ct);
        }
        span.Activity?.SetTag("rtdsr.customers", string.Join(",", changes.Select(c => pseudonymizer.ComputeRtdsrSubjectId(c.CustomerNumber)))); // clean precision-pseudonym
        span.Activity?.SetTag("rtdsr.domains", string.Join(",", changes.Select(c => c.Email.Split('@')[1]).Distinct())); // clean precision-about
    }
}

public sealed record ShopperPreference(string CustomerNumber, string Email, string StoreNumber, string Topic, bool OptedIn, string Source);
