using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Energy;

public sealed record MeterReading(string Mpan, string MeterSerial, int RegisterId, DateTimeOffset ReadAt, decimal Value, string Source);

public sealed record ReadingBatch(string AccountNumber, string Mpan, IReadOnlyList<MeterReading> Readings);

/// <summary>Opens a connection to one shard of the readings database.</summary>
public interface IReadingShardConnections
{
    int ShardCount { get; }

    Task<DbConnection> OpenAsync(int shard, CancellationToken cancellationToken);
}

/// <summary>Readings are stored on eight SQL Server shards chosen by account.</summary>
public sealed class MeterReadingRepository(IReadingShardConnections shards, TelemetrySecrets secrets, ILogger<MeterReadingRepository> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Energy.Readings");

    private const string InsertSql = """
        INSERT INTO readings.meter_reads (mpan, meter_serial, register_id, read_at, value, source)
        VALUES (@Mpan, @MeterSerial, @RegisterId, @ReadAt, @Value, @Source)
        """;

    public async Task<int> InsertBatchAsync(ReadingBatch batch, CancellationToken cancellationToken)
    {
        var shard = ShardFor(batch.AccountNumber);
        var legacyShard = Math.Abs(batch.AccountNumber.GetHashCode()) % shards.ShardCount;
        using var span = Source.StartDataOperation("insert", nameof(MeterReading)).SetDataStore($"readings-{shard}"); // clean hashes

        if (legacyShard != shard)
        {
            logger.LogDebug("Account routed to shard {Shard}; the pre-2024 router would have picked {LegacyShard}", shard, legacyShard); // leak TC1002 hashes
        }

        TagMeter(Activity.Current, batch.Readings[0].MeterSerial); // leak TC1001 cross-member
        span.SetDataSubjectId(pseudonymizer.PseudonymizeDataSubjectId(batch.AccountNumber)); // clean precision-pseudonym

        await using var connection = await shards.OpenAsync(shard, cancellationToken);
        var watch = Stopwatch.StartNew();
        try
        {
            var rows = await connection.ExecuteAsync(InsertSql, batch.Readings);
            span.SetDataRows(rows); // clean precision-about
            meter.CreateDataQueryDurationHistogram().Record(watch.Elapsed.TotalSeconds, dataQueryName: "InsertBatch", dataStore: "readings"); // clean precision-names
            logger.LogInformation("Stored {Rows} reads for supply point {Mpan}", rows, batch.Mpan); // leak TC1001 cross-member
            return rows;
        }
        catch (SqlException ex) when (ex.Number is 2627 or 2601)
        {
            // "Violation of PRIMARY KEY constraint 'pk_meter_reads'. Cannot insert duplicate key in object
            // 'readings.meter_reads'. The duplicate key value is (<mpan>, <register>, <read_at>)."
            span.AddDataConflictDetectedEvent("unique", dataConstraint: "pk_meter_reads", dataNote: $"sql error {ex.Number}"); // clean precision-names
            logger.LogWarning("Duplicate read rejected: {Reason}", ex.Message); // leak TC1001 exceptions
            return 0;
        }
    }

    public async Task<decimal?> EstimateAsync(string accountNumber, string mpan, DateOnly forDate, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("@Mpan", mpan);
        parameters.Add("@ForDate", forDate.ToDateTime(TimeOnly.MinValue), DbType.Date);
        parameters.Add("@Estimated", dbType: DbType.Decimal, direction: ParameterDirection.Output);
        parameters.Add("@Method", dbType: DbType.String, direction: ParameterDirection.Output, size: 32);

        await using var connection = await shards.OpenAsync(ShardFor(accountNumber), cancellationToken);
        await connection.ExecuteAsync("readings.usp_EstimateRead", parameters, commandType: CommandType.StoredProcedure);

        var method = parameters.Get<string>("@Method");
        var estimated = parameters.Get<decimal?>("@Estimated");
        Activity.Current?.SetTag("energy.estimate.method", method); // clean direct
        logger.LogInformation("Estimated {Value} kWh by {Method} for distributor {Distributor}", estimated, method, mpan[..2]); // clean precision-about
        logger.LogDebug("Estimate parameters {Parameters}", string.Join(", ", parameters.ParameterNames.Select(n => $"{n}={parameters.Get<object?>(n)}"))); // leak TC1001 strings
        return estimated;
    }

    private int ShardFor(string accountNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var digest = hmac.ComputeHash(Encoding.UTF8.GetBytes(accountNumber));
        return digest[0] % shards.ShardCount;
    }

    private static void TagMeter(Activity? activity, string meterSerial)
    {
        activity?.SetTag("energy.meter.serial", meterSerial); // leak TC1001 direct
        activity?.SetTag("energy.meter.model", meterSerial[..3]); // clean precision-about
    }
}
