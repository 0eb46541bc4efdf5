namespace PrivacyHoldout75.Gaming;

public sealed record LinkedAccount(Guid PlayerId, string Platform, string PlatformAccountId, string Gamertag, int Entitlements);

public interface IEntitlementLedger
{
    /// <summary>
    /// Moves every entitlement of one player to another. Throws <see cref="DuplicateRecordException"/>
    /// (entity "player", both player ids) when the target already owns a non-stackable item of the
    /// source, and <see cref="IdempotencyConflictException"/> (the key) on a replay with another body.
    /// </summary>
    Task MoveAsync(Guid fromPlayer, Guid toPlayer, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>
/// Merges two accounts of the same person after they link a second platform: the survivor keeps
/// its gamertag, the retired account's entitlements move over.
/// </summary>
public sealed partial class PlayerAccountMerge(
    IEntitlementLedger ledger,
    IIdempotencyStore idempotency,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<PlayerAccountMerge> logger)
{
    private readonly Counter<long> _merges = meter.CreateCounter<long>("accounts.merges", "{merge}");

    public async Task MergeAsync(Guid mergeId, LinkedAccount survivor, LinkedAccount retired, CancellationToken cancellationToken)
    {
        using var span = source.StartAcctmigRun(mergeId.ToString("N"));
        span.SetAcctmigRule($"{survivor.Platform}+{retired.Platform}").SetAcctmigRecords(retired.Entitlements);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["merge.id"] = mergeId, ["merge.platforms"] = $"{survivor.Platform}+{retired.Platform}" }); // clean precision-about
        using var accounts = logger.BeginScope("Merging {SurvivorAccount} and {RetiredAccount}", survivor.PlatformAccountId, retired.PlatformAccountId); // leak TC1001 direct

        var mergeKey = $"merge:{mergeId:N}";
        if (!await idempotency.TryClaimAsync(mergeKey, TimeSpan.FromDays(7), cancellationToken))
        {
            logger.LogInformation("Merge {IdempotencyKey} already applied", mergeKey); // clean precision-about
            return;
        }

        var moveKey = $"move:{retired.PlayerId:N}:{survivor.PlayerId:N}";
        try
        {
            await ledger.MoveAsync(retired.PlayerId, survivor.PlayerId, moveKey, cancellationToken);
        }
        catch (DuplicateRecordException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            _merges.Add(1, new KeyValuePair<string, object?>("outcome", "duplicate"), new KeyValuePair<string, object?>("error", ex.Message)); // leak TC1003 exceptions
            LogMergeFailed(logger, mergeId, ex.GetType().Name); // clean exceptions
            return;
        }
        catch (IdempotencyConflictException ex)
        {
            logger.LogWarning("Ledger refused the replay: {Reason}", ex.Message); // leak TC1001 exceptions
            return;
        }

        _merges.Add(1, new KeyValuePair<string, object?>("outcome", "merged"), new KeyValuePair<string, object?>("platforms", $"{survivor.Platform}+{retired.Platform}")); // clean precision-about
        meter.CreateAcctmigRecordsCounter().Add(1, "merged", acctmigRule: pseudonymizer.ComputeAcctmigPlayerId(survivor.PlayerId.ToString("N"))); // leak TC1003 precision-pseudonym
        LogMerged(logger, mergeId, survivor.Gamertag, retired.Gamertag); // leak TC1001 direct
        LogMergedPseudonymous(logger, mergeId, pseudonymizer.PseudonymizeAcctmigPlayerId(survivor.PlayerId.ToString("N"))); // clean precision-pseudonym
        span.SetAcctmigNote($"kept the gamertag starting '{survivor.Gamertag[..1]}', moved {retired.Entitlements} entitlements"); // clean generated-api
        span.SetAcctmigNote($"retired {retired.Gamertag}"); // leak TC1001 generated-api

        var bucket = retired.Gamertag.GetHashCode() & 31;
        Activity.Current?.SetTag("merge.audit_bucket", bucket); // leak TC1002 hashes
        var linkToken = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{retired.Platform}:{retired.PlatformAccountId}"));
        logger.LogDebug("Retired link token {LinkToken}", linkToken); // leak TC1001 hashes
        Activity.Current?.SetTag("merge.move_key", moveKey); // leak TC1001 strings
        Activity.Current?.SetTag("merge.idempotency_key", mergeKey); // clean precision-about
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Merge {MergeId} failed: {ExceptionType}")]
    private static partial void LogMergeFailed(ILogger logger, Guid mergeId, string exceptionType);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Merge {MergeId}: kept {SurvivorGamertag}, retired {RetiredGamertag}")]
    private static partial void LogMerged(ILogger logger, Guid mergeId, string survivorGamertag, string retiredGamertag);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Merge {MergeId}: survivor {Survivor}")]
    private static partial void LogMergedPseudonymous(ILogger logger, Guid mergeId, Pseudonym survivor);
}
