namespace PrivacyHoldout82.Gaming;

/// <summary>
/// A row of the 2009 account database's ACCT_MASTER table, as the migration reads it. REMARK is the support
/// agents' free text on the account ("called in from 07700 900123, says brother used card").
/// </summary>
public sealed record LegacyAccountRow(long AcctNo, string Handle, string EmailAddr, byte StatusCd, string RealmCd, DateTime CreatedUtc, string? Remark);

/// <summary>A player account in the new account service.</summary>
public sealed record PlayerAccount(Guid PlayerId, long LegacyAccountNumber, string Gamertag, string Email, string State, string Region);

public interface ILegacyAccountReader
{
    IAsyncEnumerable<LegacyAccountRow> ReadShardAsync(int shard, CancellationToken cancellationToken);
}

/// <summary>
/// Migrates player accounts out of the legacy account database one shard (ACCT_NO mod 64) at a time,
/// through the anti-corruption layer that maps STATUS_CD (0 active, 3 banned, 7 chargeback lock,
/// 9 closed) and REALM_CD ("EU1", "US2", "AS1") to the new model.
/// </summary>
public sealed partial class LegacyAccountMigrator(ILegacyAccountReader reader, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<LegacyAccountMigrator> logger)
{
    private static readonly Dictionary<byte, string> States = new() { [0] = "active", [3] = "banned", [7] = "locked", [9] = "closed" };
    private static readonly Dictionary<string, string> Realms = new() { ["EU1"] = "eu-west", ["US2"] = "us-east", ["AS1"] = "ap-southeast" };

    private readonly Counter<long> _migrated = meter.CreateCounter<long>("accounts.migrated");
    private readonly HashSet<string> _seenHandles = new(StringComparer.OrdinalIgnoreCase);

    public async Task<int> MigrateShardAsync(int shard, CancellationToken cancellationToken)
    {
        using var batch = source.StartAcctbridgeBatch($"ACCT_MASTER.shard{shard:00}"); // clean precision-about
        batch.SetAcctbridgeLegacySystem("acctdb-2009");
        var migrated = 0;
        await foreach (var row in reader.ReadShardAsync(shard, cancellationToken))
        {
            using var span = source.StartAcctbridgeTranslate("ACCT_MASTER");
            span.SetAcctbridgeLegacyStatus(row.StatusCd.ToString(CultureInfo.InvariantCulture)); // clean precision-about
            Activity.Current?.SetTag("acct.legacy.shard", row.AcctNo % 64); // clean precision-about
            try
            {
                var account = Translate(row);
                span.SetAcctbridgePlayerId(pseudonymizer.PseudonymizeAcctbridgePlayerId(account.PlayerId.ToString())); // clean precision-pseudonym
                _migrated.Add(1, new KeyValuePair<string, object?>("state", account.State), new KeyValuePair<string, object?>("region", account.Region)); // clean precision-about
                LogMigrated(logger, account.PlayerId, account.State); // leak TC1001 direct
                migrated++;
            }
            catch (UnmappedLegacyCodeException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogAcctbridgeTranslationRejectedEvent("ACCT_MASTER", row.StatusCd.ToString(CultureInfo.InvariantCulture), acctbridgeNote: ex.Message); // clean generated-api
            }
            catch (LegacySystemException ex)
            {
                logger.LogWarning(ex, "Row of shard {Shard} not migrated", shard); // leak TC1001 exceptions
                logger.LogAcctbridgeTranslationRejectedEvent("ACCT_MASTER", ex.Code, acctbridgePlayerId: pseudonymizer.PseudonymizeAcctbridgePlayerId(row.AcctNo.ToString(CultureInfo.InvariantCulture)), acctbridgeNote: row.Remark); // leak TC1001 generated-api
                _migrated.Add(1, new KeyValuePair<string, object?>("state", "rejected"), new KeyValuePair<string, object?>("handle", row.Handle)); // leak TC1003 direct
            }
        }
        batch.SetAcctbridgeRecordCount(migrated).SetAcctbridgeOutcome("done"); // clean precision-about
        logger.LogInformation("Shard {Shard}: {Migrated} migrated, {Handles} distinct handles", shard, migrated, _seenHandles.Count); // clean precision-names
        return migrated;
    }

    private PlayerAccount Translate(LegacyAccountRow row)
    {
        if (!States.TryGetValue(row.StatusCd, out var state))
        {
            throw new UnmappedLegacyCodeException("STATUS_CD", row.StatusCd.ToString(CultureInfo.InvariantCulture));
        }
        if (!Realms.TryGetValue(row.RealmCd, out var region))
        {
            throw new UnmappedLegacyCodeException("REALM_CD", row.RealmCd);
        }
        if (!_seenHandles.Add(row.Handle))
        {
            throw new LegacySystemException("acctdb-2009", "ACC-409", $"duplicate handle {row.Handle} (ACCT_NO {row.AcctNo})");
        }
        if (state == "banned")
        {
            logger.LogInformation("Banned account {Row} carried over as banned", row); // leak TC1001 logging-objects
            Activity.Current?.AddEvent(new ActivityEvent("acct.banned", tags: new ActivityTagsCollection { ["legacy.remark"] = row.Remark })); // leak TC1001 direct
        }
        return new PlayerAccount(Guid.NewGuid(), row.AcctNo, row.Handle, row.EmailAddr, state, region);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrated player {PlayerId} as {State}")]
    private static partial void LogMigrated(ILogger logger, Guid playerId, string state);
}
