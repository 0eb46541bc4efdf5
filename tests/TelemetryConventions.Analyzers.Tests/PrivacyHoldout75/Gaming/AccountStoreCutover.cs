namespace PrivacyHoldout75.Gaming;

public sealed record PlayerAccount(
    Guid PlayerId,
    string Gamertag,
    string Platform,
    string PlatformAccountId,
    string Region,
    int Level,
    string? Email,
    DateTimeOffset CreatedAt);

/// <summary>
/// Player accounts move from the legacy accounts table to the new identity store. Writes go to both;
/// reads move over by percentage (<c>identity-store-reads-10</c>, <c>-50</c>), each player kept in
/// one bucket by a keyed hash; the rest are shadow-read against the new store. The identity
/// store's unique index is on the gamertag, so its <see cref="DuplicateRecordException"/> quotes the
/// gamertag of both accounts. Migration batches carry a batch id and the account schema version.
/// </summary>
public sealed class AccountStoreCutover(
    IRecordStore<PlayerAccount> legacy,
    IRecordStore<PlayerAccount> identity,
    IFeatureFlags flags,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<AccountStoreCutover> logger)
{
    private readonly Counter<long> _reads = meter.CreateCounter<long>("accounts.cutover.reads", "{read}");
    private PlayerAccount? _lastMismatch;

    public async Task<PlayerAccount?> GetAsync(Guid playerId, CancellationToken cancellationToken)
    {
        var key = playerId.ToString("N");
        var bucket = HMACSHA256.HashData(secrets.ShardKey, playerId.ToByteArray())[0] % 100;
        var rollout = flags.IsEnabled("identity-store-reads-50") ? 50 : flags.IsEnabled("identity-store-reads-10") ? 10 : 0;
        var fromIdentity = bucket < rollout;
        _reads.Add(1, new KeyValuePair<string, object?>("store", fromIdentity ? identity.Name : legacy.Name), new KeyValuePair<string, object?>("bucket", bucket)); // clean hashes
        Activity.Current?.SetTag("cutover.rollout_percent", rollout); // clean precision-about
        if (fromIdentity)
        {
            return await identity.GetAsync(key, cancellationToken);
        }

        using var span = source.StartAcctmigRun("shadow-reads");
        var (primary, _, comparison) = await Shadow.CompareAsync(() => legacy.GetAsync(key, cancellationToken), () => identity.GetAsync(key, cancellationToken));
        span.SetAcctmigPlayerId(pseudonymizer.PseudonymizeAcctmigPlayerId(key)); // clean precision-pseudonym
        meter.CreateAcctmigShadowLatencyHistogram().Record(comparison.ShadowLatency.TotalSeconds, comparison.Matches ? "match" : "differs"); // clean generated-api
        if (comparison.Matches || primary is null)
        {
            return primary;
        }

        _lastMismatch = primary;
        meter.CreateAcctmigShadowLatencyHistogram().Record(comparison.ShadowLatency.TotalSeconds, "differs", pseudonymizer.PseudonymizeAcctmigPlayerId(key)); // leak TC1003 precision-pseudonym
        span.SetAcctmigChangedFields(string.Join(",", comparison.DifferingFields)); // clean precision-names
        logger.LogWarning("Shadow read differs: {Comparison}", comparison); // clean logging-objects
        logger.LogWarning("Shadow read differs for player {PlayerId}", playerId); // leak TC1001 direct
        Activity.Current?.SetTag(AcctmigAttributes.PlayerGamertag, primary.Gamertag); // leak TC1001 generated-api
        return primary;
    }

    public async Task WriteAsync(PlayerAccount account, CancellationToken cancellationToken)
    {
        var key = account.PlayerId.ToString("N");
        await legacy.PutAsync(key, account, cancellationToken);
        try
        {
            await identity.PutAsync(key, account, cancellationToken);
        }
        catch (DuplicateRecordException ex)
        {
            logger.LogError(ex, "Identity store refused the second write"); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            return;
        }

        var echo = await identity.GetAsync(key, cancellationToken);
        if (echo is null || echo == account)
        {
            return;
        }
        var changes = RecordDiff.Changes(account, echo);
        logger.LogWarning("Echo mismatch on " + account.Gamertag + " (" + changes.Count + " fields)"); // leak TC1001 strings
        logger.LogWarning("Dual-write echo differs in {Fields}", changes.Select(c => c.Field).ToArray()); // clean precision-names
        foreach (var change in changes.Where(c => c.Field is nameof(PlayerAccount.Level) or nameof(PlayerAccount.Region)))
        {
            logger.LogWarning("{Field}: wrote {Old}, read back {New}", change.Field, change.Old, change.New); // clean precision-about
        }
        logger.LogAcctmigMismatchEvent("dual-write-echo", "differs", acctmigNote: string.Join("; ", changes.Select(c => $"{c.Field}={c.New}"))); // leak TC1001 generated-api
    }

    public async Task MigrateBatchAsync(string runId, MigrationBatch batch, IReadOnlyList<PlayerAccount> accounts, int schemaVersion, CancellationToken cancellationToken)
    {
        using var span = source.StartAcctmigRun(runId);
        span.SetAcctmigBatchId(batch.BatchId).SetAcctmigSchemaVersion(schemaVersion).SetAcctmigRecords(accounts.Count);
        try
        {
            foreach (var account in accounts)
            {
                if (await identity.GetAsync(account.PlayerId.ToString("N"), cancellationToken) is { } existing && existing.CreatedAt > account.CreatedAt)
                {
                    throw new MigrationConflictException(batch.BatchId, schemaVersion, schemaVersion + 1);
                }
                await identity.PutAsync(account.PlayerId.ToString("N"), account, cancellationToken);
            }
            meter.CreateAcctmigRecordsCounter().Add(accounts.Count, "migrated", acctmigStore: identity.Name); // clean generated-api
        }
        catch (MigrationConflictException ex)
        {
            logger.LogWarning("Batch stopped: {Reason}", ex.Message); // clean exceptions
            span.SetAcctmigOutcome("conflict").SetAcctmigNote(ex.Message); // clean exceptions
        }
        catch (DuplicateRecordException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        }
    }

    public void ReportLastMismatch() =>
        logger.LogInformation("Last shadow mismatch: {Account}", _lastMismatch); // leak TC1001 cross-member
}
