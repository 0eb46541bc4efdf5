namespace PrivacyHoldout102.Energy;

public sealed record MeterRead(string MeterSerial, DateTime ReadAt, decimal Kwh, string Source);

public sealed record ReadsForPeriod(string AccountNumber, string Mpan, DateOnly From, DateOnly To);

/// <summary>Half-hourly reads over Dapper, with the last read of each meter in Redis.</summary>
public sealed class MeterReadStore(IDbConnection connection, IDatabase redis, ILogger<MeterReadStore> logger, Pseudonymizer pseudonymizer, DataAccessOptions options, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Supplier.Metering.Store");
    private static readonly Meter Meter = new("Supplier.Metering.Store");
    private static readonly Histogram<double> ReadQueryDuration = Meter.CreateHistogram<double>("metering.reads.query.duration", "s");

    public async Task<IReadOnlyList<MeterRead>> ReadsAsync(ReadsForPeriod request, CancellationToken ct)
    {
        using var span = Source.StartMeterstoreQuery("reads-for-period").SetMeterstoreEntity(nameof(MeterRead)).SetMeterstoreAccountId(pseudonymizer.PseudonymizeMeterstoreAccountId(request.AccountNumber)); // clean precision-pseudonym
        var stopwatch = Stopwatch.StartNew();
        var command = new CommandDefinition(
            "SELECT MeterSerial, ReadAt, Kwh, Source FROM Reads WHERE Mpan = @Mpan AND ReadAt >= @From AND ReadAt < @To",
            request, commandTimeout: options.CommandTimeoutSeconds, cancellationToken: ct);
        var reads = (await connection.QueryAsync<MeterRead>(command)).ToList();
        ReadQueryDuration.Record(stopwatch.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("query", "reads-for-period")); // clean precision-names
        ReadQueryDuration.Record(stopwatch.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("mpan", request.Mpan)); // leak TC1003 direct
        span.SetMeterstoreRows(reads.Count); // clean precision-about
        if (stopwatch.Elapsed > options.SlowQueryThreshold)
        {
            logger.LogWarning("Slow reads query ({ElapsedMs} ms): {Sql}", stopwatch.ElapsedMilliseconds, command.CommandText); // clean precision-names
            logger.LogWarning("Slow reads query for {Request}", command.Parameters); // leak TC1001 logging-objects
            logger.LogWarning("Slow reads query over {Days} days", request.To.DayNumber - request.From.DayNumber); // clean precision-about
        }
        var serials = reads.Select(r => r.MeterSerial).Distinct().ToList();
        span.SetMeterstoreNote($"{serials.Count} meters, models {string.Join(",", serials.Select(s => s[..3]).Distinct())}"); // clean precision-about
        span.SetMeterstoreNote($"meters {string.Join(",", serials)}"); // leak TC1001 generated-api
        return reads;
    }

    public async Task<MeterRead?> LastReadAsync(string meterSerial, CancellationToken ct)
    {
        var key = $"last-read:{meterSerial}";
        var shard = KeyedShard.Of(secrets.ShardKey, meterSerial, 32);
        try
        {
            var value = await redis.StringGetAsync(key);
            Meter.CreateMeterstoreCacheLookupsCounter().Add(1, nameof(MeterRead), value.HasValue ? "hit" : "miss"); // clean generated-api
            Activity.Current?.SetTag("metering.cache.shard", shard); // clean hashes
            Activity.Current?.SetTag("metering.cache.key", key); // leak TC1001 strings
            return null;
        }
        catch (RedisTimeoutException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return null;
        }
        catch (RedisConnectionException ex)
        {
            logger.LogError(ex, "Redis unavailable ({FailureType})", ex.FailureType); // clean exceptions
            return null;
        }
    }

    public async Task<int> StoreAsync(IReadOnlyList<MeterRead> batch, CancellationToken ct)
    {
        try
        {
            return await connection.ExecuteAsync("INSERT INTO Reads (MeterSerial, ReadAt, Kwh, Source) VALUES (@MeterSerial, @ReadAt, @Kwh, @Source)", batch);
        }
        catch (SqlServerException ex) when (ex.Number is 2601 or 2627)
        {
            // IX_Reads_MeterSerial_ReadAt: the duplicate key value is (meter serial, read time).
            logger.LogWarning("Duplicate read skipped: {Message}", ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Duplicate read skipped on index {Index} ({Number})", ex.IndexName, ex.Number); // clean exceptions
            var fingerprint = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(batch[0].MeterSerial)));
            Activity.Current?.SetTag("metering.duplicate.meter", fingerprint); // leak TC1002 hashes
            return 0;
        }
    }
}
