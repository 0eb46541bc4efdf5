namespace AdminKit.Exports;

/// <summary>A back-office export. Prints its members (columns as their type's name).</summary>
public sealed record ExportRequest(string ExportId, string Dataset, IReadOnlyList<string> Columns, string Filter, string RequestedBy);

/// <summary>Where the export was written. Prints its members.</summary>
public sealed record ExportResult(string ExportId, string Path, long Rows, long Bytes);

/// <summary>Writes an export to the share or the regulator's SFTP drop: not telemetry.</summary>
public interface IExportWriter
{
    Task<ExportResult> WriteAsync(ExportRequest request, CancellationToken cancellationToken = default);
}

/// <summary>Quotes the export and the counts.</summary>
public sealed class ExportTooLargeException(string exportId, long rows, long limit)
    : Exception($"Export {exportId} would write {rows} rows (limit {limit})");
