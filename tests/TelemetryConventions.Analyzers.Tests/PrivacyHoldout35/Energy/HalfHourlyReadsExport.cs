using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout35.Support;
using PrivacyHoldout35.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout35.Energy;

/// <summary>A half-hourly read from the meter data management system.</summary>
public sealed record HalfHourlyRead(string Mpan, string MeterSerial, DateTimeOffset IntervalStart, decimal Kwh, char Quality);

/// <summary>The read as the lake keeps it: by supply point pseudonym and distributor.</summary>
public sealed record LakeRead(string SupplyPointRef, string Distributor, DateTimeOffset IntervalStart, decimal Kwh, bool Estimated);

public sealed class ReadingGapException(string message) : Exception(message);

public interface IMeterDataStore
{
    IAsyncEnumerable<HalfHourlyRead> ReadDayAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>
/// Daily export of half-hourly consumption to the lake for the settlement and forecasting teams:
/// validates each read, fills short gaps with estimates and writes one Parquet file per distributor.
/// </summary>
public sealed class HalfHourlyReadsExport(
    IMeterDataStore store,
    IDataLakeClient lake,
    Pseudonymizer pseudonymizer,
    ILogger<HalfHourlyReadsExport> logger)
{
    private const decimal SpikeKwh = 25m;
    private static readonly ActivitySource Source = new("Supply.Lake.Reads");
    private static readonly Meter Meter = new("Supply.Lake.Reads");
    private static readonly Counter<long> SpikeReads = Meter.CreateCounter<long>("reads.spikes", "{read}");
    private static readonly Counter<long> EstimatedReads = Meter.CreateCounter<long>("reads.estimated", "{read}");

    public async Task ExportAsync(DateOnly day, CancellationToken cancellationToken)
    {
        using var span = Source.StartPipelineBatch("hh_reads_export", "mdm.hh_read");
        span.SetPipelineBatchId(day.ToString("yyyy-MM-dd"));

        var bySupplyPoint = new Dictionary<string, List<HalfHourlyRead>>(StringComparer.Ordinal);
        await foreach (var read in store.ReadDayAsync(day, cancellationToken))
        {
            if (read.Kwh < 0)
            {
                logger.LogWarning("Negative consumption {Kwh} kWh on meter {MeterSerial} at {IntervalStart}", read.Kwh, read.MeterSerial, read.IntervalStart); // leak TC1001 direct
                continue;
            }

            if (read.Quality is not ('A' or 'E' or 'M'))
            {
                logger.LogWarning("Unknown quality flag {Quality} on {Read}", read.Quality, read); // leak TC1001 logging-objects
                continue;
            }

            if (read.Kwh > SpikeKwh)
            {
                SpikeReads.Add(1, new KeyValuePair<string, object?>("meter.model", read.MeterSerial[..3])); // clean precision-about
                SpikeReads.Add(1, new KeyValuePair<string, object?>("meter.serial", read.MeterSerial)); // leak TC1003 direct
                continue;
            }

            if (!bySupplyPoint.TryGetValue(read.Mpan, out var reads))
            {
                bySupplyPoint[read.Mpan] = reads = [];
            }

            reads.Add(read);
        }

        var lakeReads = new List<LakeRead>();
        foreach (var (mpan, reads) in bySupplyPoint)
        {
            var supplyPointRef = pseudonymizer.ComputePipelineSubjectId(mpan);
            try
            {
                var filled = GapFiller.Fill(mpan, day, reads);
                var estimated = filled.Count(r => r.Quality == 'E');
                if (estimated > 0)
                {
                    EstimatedReads.Add(estimated, new KeyValuePair<string, object?>("distributor", mpan[..2])); // clean precision-about
                    EstimatedReads.Add(estimated, new KeyValuePair<string, object?>("supply_point", supplyPointRef)); // leak TC1003 precision-pseudonym
                    logger.LogDebug("Estimated {Count} reads for supply point {SupplyPointRef}", estimated, supplyPointRef); // clean precision-pseudonym
                }

                lakeReads.AddRange(filled.Select(r => new LakeRead(supplyPointRef, mpan[..2], r.IntervalStart, r.Kwh, r.Quality == 'E')));
            }
            catch (ReadingGapException ex)
            {
                Activity.Current?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarning("Supply point in distributor {Distributor} left out: {ErrorType}", mpan[..2], ex.GetType().Name); // clean exceptions
                Meter.CreatePipelineRowsProcessedCounter().Add(reads.Count, "mdm.hh_read", $"gap:{mpan}"); // leak TC1003 generated-api
            }
        }

        foreach (var group in lakeReads.GroupBy(r => r.Distributor))
        {
            var path = $"energy/hh_reads/date={day:yyyy-MM-dd}/distributor={group.Key}/part-00000.parquet";
            await using var buffer = new MemoryStream();
            await using (var writer = new ParquetFileWriter<LakeRead>(buffer, ParquetSchema.Of(new ParquetField("supply_point_ref", "string"), new ParquetField("interval_start", "timestamp"), new ParquetField("kwh", "decimal(9,3)"), new ParquetField("estimated", "bool"))))
            {
                await writer.WriteRowGroupAsync(group.ToList(), cancellationToken);
            }

            await lake.UploadAsync(path, new MemoryStream(buffer.ToArray()), overwrite: true, cancellationToken);
            logger.LogInformation("Wrote {Path} with {Rows} reads", path, group.Count()); // clean strings
            Meter.CreatePipelineRowsProcessedCounter().Add(group.Count(), "lake.hh_read", "written"); // clean generated-api
        }

        Activity.Current?.SetTag("reads.distributors", string.Join(",", lakeReads.Select(r => r.Distributor).Distinct().Order())); // clean precision-about
    }
}

/// <summary>Fills gaps of up to four intervals by linear interpolation.</summary>
public static class GapFiller
{
    public static IReadOnlyList<HalfHourlyRead> Fill(string mpan, DateOnly day, IReadOnlyList<HalfHourlyRead> reads)
    {
        var missing = 48 - reads.Count;
        if (missing > 4)
        {
            throw new ReadingGapException($"MPAN {mpan} has {missing} missing intervals on {day:yyyy-MM-dd}");
        }

        var ordered = reads.OrderBy(r => r.IntervalStart).ToList();
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var result = new List<HalfHourlyRead>(48);
        for (var i = 0; i < 48; i++)
        {
            var at = start.AddMinutes(30 * i);
            var actual = ordered.FirstOrDefault(r => r.IntervalStart == at);
            result.Add(actual ?? new HalfHourlyRead(mpan, ordered[0].MeterSerial, at, ordered.Average(r => r.Kwh), 'E'));
        }

        return result;
    }
}
