using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout35.Support;

// Stand-ins for the data platform the jobs run on: a warehouse loader, a lake client, a Parquet and a
// CSV writer, a checkpoint store, an OpenLineage-style emitter and a Great Expectations-style
// validator. Only the shapes matter.

/// <summary>The warehouse: bulk loads into staging tables and merges staging into targets.</summary>
public interface IWarehouseLoader
{
    Task<int> BulkInsertAsync<T>(string stagingTable, IReadOnlyList<T> rows, CancellationToken cancellationToken);

    Task<MergeResult> MergeAsync(string targetTable, string stagingTable, CancellationToken cancellationToken);
}

public sealed record MergeResult(int Inserted, int Updated, int Deleted);

/// <summary>The data lake (object storage with a hierarchical namespace).</summary>
public interface IDataLakeClient
{
    Task<Uri> UploadAsync(string path, Stream content, bool overwrite, CancellationToken cancellationToken);

    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken);
}

/// <summary>Writes row groups to a Parquet file.</summary>
public sealed class ParquetFileWriter<T> : IAsyncDisposable
{
    private readonly Stream _stream;

    public ParquetFileWriter(Stream stream, ParquetSchema schema)
    {
        _stream = stream;
        Schema = schema;
    }

    public ParquetSchema Schema { get; }

    public int RowGroups { get; private set; }

    public long RowsWritten { get; private set; }

    public Task WriteRowGroupAsync(IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        RowGroups++;
        RowsWritten += rows.Count;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}

public sealed record ParquetSchema(IReadOnlyList<ParquetField> Fields)
{
    public static ParquetSchema Of(params ParquetField[] fields) => new(fields);

    public override string ToString() => string.Join(", ", Fields.Select(f => $"{f.Name}:{f.Type}"));
}

public sealed record ParquetField(string Name, string Type, bool Nullable = true);

/// <summary>Writes delimited text (RFC 4180).</summary>
public sealed class CsvFileWriter : IDisposable
{
    private readonly TextWriter _writer;

    public CsvFileWriter(TextWriter writer) => _writer = writer;

    public int Records { get; private set; }

    public void WriteHeader(IEnumerable<string> columns) => _writer.WriteLine(string.Join(',', columns));

    public string WriteRecord(IEnumerable<string?> values)
    {
        var line = string.Join(',', values.Select(Quote));
        _writer.WriteLine(line);
        Records++;
        return line;
    }

    public void Dispose() => _writer.Dispose();

    private static string Quote(string? value) =>
        value is null ? string.Empty : value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}

/// <summary>Where jobs keep their high-water marks between runs.</summary>
public interface ICheckpointStore
{
    Task<JobCheckpoint?> GetAsync(string job, CancellationToken cancellationToken);

    Task SaveAsync(JobCheckpoint checkpoint, CancellationToken cancellationToken);
}

/// <summary>A job's position: a watermark timestamp, a batch counter and, for keyset paging, the last key read.</summary>
public sealed record JobCheckpoint(string Job, DateTimeOffset Watermark, long BatchNumber, string? LastKey = null);

// OpenLineage-style lineage.

public sealed record LineageDataset(string Namespace, string Name, IReadOnlyList<string> Columns);

public sealed record ColumnLineage(string OutputColumn, IReadOnlyList<string> InputColumns, string Transformation);

public sealed record LineageRunEvent(
    string EventType,
    Guid RunId,
    string JobNamespace,
    string JobName,
    IReadOnlyList<LineageDataset> Inputs,
    IReadOnlyList<LineageDataset> Outputs,
    IReadOnlyList<ColumnLineage> ColumnLineage,
    DateTimeOffset EventTime);

public interface ILineageClient
{
    Task EmitAsync(LineageRunEvent runEvent, CancellationToken cancellationToken);
}

// Great Expectations-style data quality.

public sealed record ExpectationResult(
    string ExpectationType,
    string Column,
    bool Success,
    int ElementCount,
    int UnexpectedCount,
    IReadOnlyList<string> PartialUnexpectedList)
{
    public double UnexpectedPercent => ElementCount == 0 ? 0 : 100.0 * UnexpectedCount / ElementCount;
}

public sealed record ValidationResult(string Suite, string DataAsset, DateTimeOffset RunTime, IReadOnlyList<ExpectationResult> Results)
{
    public bool Success => Results.All(r => r.Success);

    public int Failed => Results.Count(r => !r.Success);
}

public interface IExpectationSuiteRunner
{
    Task<ValidationResult> RunAsync<T>(string suite, string dataAsset, IReadOnlyList<T> rows, CancellationToken cancellationToken);
}

/// <summary>Fuzzy string comparison for record linkage.</summary>
public static class StringSimilarity
{
    public static double JaroWinkler(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return 1.0;
        }

        var common = a.ToUpperInvariant().Intersect(b.ToUpperInvariant()).Count();
        return common == 0 ? 0 : (double)common / Math.Max(a.Length, b.Length);
    }
}

/// <summary>A job the scheduler runs.</summary>
public interface IPipelineJob
{
    string Name { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
