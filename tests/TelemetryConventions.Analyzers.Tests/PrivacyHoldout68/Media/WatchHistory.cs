using System.Net;
using System.Security.Cryptography;
using Microsoft.Azure.Cosmos;

namespace PrivacyHoldout68.Media;

/// <summary>One row of a subscriber's watch history: partitioned by /subscriberId, id "{profileId}:{titleId}".</summary>
public sealed record WatchEntry(string id, string subscriberId, Guid ProfileId, string ProfileName, string TitleId, int PositionSeconds, DateTimeOffset WatchedAt);

/// <summary>Continue-watching rows kept in the "watch-history" container of the "library" database.</summary>
public sealed class WatchHistory(CosmosClient cosmos, Pseudonymizer pseudonymizer, ILogger<WatchHistory> logger)
{
    private static readonly ActivitySource Source = new("Stream.Library");
    private static readonly Meter LibraryMeter = new("Stream.Library");
    private static readonly LibrarySyncsCounter Syncs = LibraryMeter.CreateLibrarySyncsCounter();
    private static readonly Histogram<double> Charges = LibraryMeter.CreateHistogram<double>("cosmos.request_charge", "RU");
    private readonly Container _history = cosmos.GetContainer("library", "watch-history");

    public async Task SaveAsync(Guid subscriberId, Guid profileId, string profileName, string titleId, string plan, int position, CancellationToken ct)
    {
        var entry = new WatchEntry($"{profileId}:{titleId}", subscriberId.ToString(), profileId, profileName, titleId, position, DateTimeOffset.UtcNow);
        using var span = Source.StartLibrarySync("cosmos upsert watch-history") // clean precision-names
            .SetLibraryTitleId(titleId) // clean precision-about
            .SetLibraryPlan(plan) // clean precision-about
            .SetLibrarySubscriberId(pseudonymizer.PseudonymizeLibrarySubscriberId(subscriberId.ToString())); // clean precision-pseudonym
        try
        {
            var response = await _history.UpsertItemAsync(entry, new PartitionKey(entry.subscriberId), new ItemRequestOptions { EnableContentResponseOnWrite = false }, ct);
            span.SetLibraryRequestCharge(response.RequestCharge).SetLibraryOutcome(response.StatusCode == HttpStatusCode.Created ? "created" : "updated"); // clean precision-about
            span.Activity?.SetTag("library.profile.name", profileName); // leak TC1001 direct
            Charges.Record(response.RequestCharge, new KeyValuePair<string, object?>("operation", "upsert"), new("plan", plan)); // clean precision-about
            Syncs.Add(1, plan, "saved"); // clean precision-about
            span.Activity?.SetTag("library.entry.id", entry.id); // leak TC1001 cross-member
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Syncs.Add(1, plan, "throttled");
            span.SetLibraryOutcome("throttled").SetLibraryNote($"{ex.SubStatusCode}, retry after {ex.RetryAfter}"); // clean generated-api
            logger.LogLibrarySyncFailedEvent(titleId, "throttled", libraryNote: $"profile {profileName} at {position}s"); // leak TC1001 generated-api
            throw;
        }
    }

    public async Task<IReadOnlyList<WatchEntry>> ContinueWatchingAsync(Guid subscriberId, Guid profileId, CancellationToken ct)
    {
        var query = new QueryDefinition("SELECT TOP 20 * FROM h WHERE h.ProfileId = @profile ORDER BY h.WatchedAt DESC").WithParameter("@profile", profileId);
        var partition = new PartitionKey(subscriberId.ToString());
        using var iterator = _history.GetItemQueryIterator<WatchEntry>(query, requestOptions: new QueryRequestOptions { PartitionKey = partition });
        var page = await iterator.ReadNextAsync(ct);
        logger.LogDebug("Continue-watching query {Query} in {Partition}: {Count} rows, {Charge} RU", query.QueryText, partition, page.Count, page.RequestCharge); // leak TC1001 cross-member
        logger.LogDebug("Continue-watching query returned {Count} rows for {ProfileRef}", page.Count, pseudonymizer.PseudonymizeLibrarySubscriberId(profileId.ToString())); // clean precision-pseudonym
        logger.LogDebug("Continue-watching titles {Titles}", page.Select(e => e.TitleId).ToList()); // clean logging-objects
        logger.LogDebug("Continue-watching rows {Rows}", page.ToList()); // leak TC1001 logging-objects
        var bucket = MD5.HashData(profileId.ToByteArray())[0] % 10;
        Activity.Current?.SetTag("library.profile_bucket", bucket); // leak TC1002 hashes
        return page.ToList();
    }

    public async Task ForgetAsync(Guid subscriberId, string entryId, CancellationToken ct)
    {
        try
        {
            await _history.DeleteItemAsync<WatchEntry>(entryId, new PartitionKey(subscriberId.ToString()), cancellationToken: ct);
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            logger.LogInformation("Nothing to forget ({Status}, {Charge} RU, activity {ActivityId})", ex.StatusCode, ex.RequestCharge, ex.ActivityId); // clean precision-about
            logger.LogInformation("Nothing to forget: {Message}", ex.Message); // clean exceptions
        }
    }
}
