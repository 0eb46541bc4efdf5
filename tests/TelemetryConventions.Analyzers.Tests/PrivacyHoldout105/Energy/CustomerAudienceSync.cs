namespace PrivacyHoldout105.Energy;

/// <summary>
/// Syncs the "EV owners" audience from the CDP's profiles to the email tool (external id, email) and to the ad
/// platform's customer list (SHA-256 of the normalised email, as the platform asks). Members' attributes are their
/// tariff, EV model and region. The destinations' APIs are not telemetry.
/// </summary>
public sealed class CustomerAudienceSync(
    IProfileStore profiles,
    IEnumerable<IDestinationClient> destinations,
    ActivitySource source,
    Meter meter,
    AnalyticsOptions options,
    ILogger<CustomerAudienceSync> logger)
{
    private readonly Counter<int> _synced = meter.CreateCounter<int>("homeclick.audience.members", "{member}");

    public async Task SyncAsync(string audienceId, CancellationToken ct)
    {
        var members = new List<AudienceMember>();
        await foreach (var member in profiles.AudienceAsync(audienceId, ct))
        {
            members.Add(member);
        }
        logger.LogDebug("First member attributes {Attributes}", members.FirstOrDefault()?.Attributes); // clean logging-objects

        foreach (var destination in destinations)
        {
            foreach (var chunk in members.Chunk(options.SyncBatchSize))
            {
                var outgoing = destination.Name == "ad-platform"
                    ? chunk.Select(m => m with { Email = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(m.Email!.Trim().ToLowerInvariant()))).ToLowerInvariant(), Phone = null }).ToList()
                    : chunk.ToList();
                if (destination.Name == "ad-platform")
                {
                    logger.LogDebug("Hashed first member {HashedEmail}", outgoing[0].Email); // leak TC1002 hashes
                }

                var batch = new SyncBatch(Guid.NewGuid(), destination.Name, audienceId, outgoing, Removal: false);
                var started = Stopwatch.GetTimestamp();
                using var span = source.StartHomeclickSync(destination.Name).SetHomeclickCohort(audienceId).SetHomeclickBatchSize(outgoing.Count); // clean generated-api
                logger.LogInformation("Syncing {Batch}", batch); // clean logging-objects
                logger.LogDebug("Syncing members {Members}", batch.Members); // leak TC1001 logging-objects
                try
                {
                    var result = await destination.UpsertAsync(batch, ct);
                    span.SetHomeclickOutcome(result.Rejected == 0 ? "synced" : "partial"); // clean generated-api
                    _synced.Add(result.Accepted, new KeyValuePair<string, object?>("destination", destination.Name), new KeyValuePair<string, object?>("audience", audienceId)); // clean precision-names
                    foreach (var error in result.Errors)
                    {
                        logger.LogWarning("Record {Index} rejected: {Code}", error.Index, error.Code); // clean precision-about
                        logger.LogWarning("Rejected {Error}", error); // leak TC1001 logging-objects
                        logger.LogWarning("Rejected member {ExternalId}", batch.Members[error.Index].ExternalId); // leak TC1001 cross-member
                    }
                    meter.CreateHomeclickSyncDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, destination.Name, homeclickOutcome: "synced"); // clean generated-api
                }
                catch (DestinationException ex)
                {
                    logger.LogError(ex, "Sync to {Destination} failed", ex.Destination); // clean exceptions
                    logger.LogError("Destination body {Body}", ex.ResponseBody); // leak TC1001 exceptions
                    span.SetHomeclickNote(ex.IsRateLimited ? "rate limited" : $"status {ex.Status}"); // clean generated-api
                }
            }
        }
    }
}
