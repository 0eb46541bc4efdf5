using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout29.Support.Workflows;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Gaming;

public sealed record ExportRequest(string RequestId, Guid PlayerId, string Gamertag, string Email, IReadOnlyList<string> Sections);

public sealed record ExportSection(string Name, int Rows, long Bytes);

public interface IPlayerDataSource
{
    string Section { get; }

    Task<ExportSection> WriteAsync(Guid playerId, string folder, CancellationToken cancellationToken);
}

public interface IExportStorage
{
    Task<Uri> UploadAsync(string blobName, string folder, CancellationToken cancellationToken);

    Uri SignedDownloadUrl(Uri blob, TimeSpan lifetime);
}

/// <summary>Thrown when a data source cannot read a player's section.</summary>
public sealed class SectionExportException(string section, Guid playerId, Exception inner)
    : Exception($"Section {section} failed for player {playerId}", inner);

/// <summary>Builds the data export a player asks for in the privacy settings and mails them a download link.</summary>
public sealed class PlayerDataExportWorkflow(
    IEnumerable<IPlayerDataSource> sources,
    IExportStorage storage,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<PlayerDataExportWorkflow> logger)
{
    private static readonly ActivitySource Source = new("Game.Privacy.Export");
    private readonly Histogram<long> _exportBytes = meter.CreateHistogram<long>("privacy.export.size", "By");

    public async Task<Uri?> RunAsync(WorkflowInstance<ExportRequest> instance, CancellationToken cancellationToken)
    {
        var request = instance.Input;
        using var span = Source.StartDsrWorkflow("export");
        span.SetDsrRequestId(request.RequestId); // clean precision-names
        span.SetDsrSubjectId(pseudonymizer.PseudonymizeDsrSubjectId(request.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("export.workflow.instance", instance.InstanceId); // clean precision-names
        Activity.Current?.SetTag("export.sections", string.Join(",", request.Sections));

        var folder = $"exports/{request.PlayerId:N}";
        var written = new List<ExportSection>();
        foreach (var source in sources.Where(s => request.Sections.Contains(s.Section)))
        {
            try
            {
                written.Add(await source.WriteAsync(request.PlayerId, folder, cancellationToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var failure = new SectionExportException(source.Section, request.PlayerId, ex);
                span.AddDsrStepFailedEvent(source.Section, dsrNote: failure.Message); // leak TC1001 exceptions
                logger.LogWarning(ex, "Export section {Section} failed ({ErrorType})", source.Section, ex.GetType().Name); // clean exceptions
            }
        }

        var blobName = $"{request.Gamertag}-data-{DateTime.UtcNow:yyyyMMdd}.zip";
        var blob = await storage.UploadAsync(blobName, folder, cancellationToken);
        logger.LogInformation("Export archive uploaded as {BlobName}", blobName); // leak TC1001 strings
        var link = storage.SignedDownloadUrl(blob, TimeSpan.FromDays(7));
        logger.LogDebug("Download link for request {RequestId}: {Link}", request.RequestId, link); // leak TC1001 cross-member
        logger.LogInformation("Download link for request {RequestId} on {Host}, valid 7 days", request.RequestId, link.Host); // clean precision-about

        var bytes = written.Sum(w => w.Bytes);
        span.SetDsrRecordsCount(written.Sum(w => w.Rows));
        _exportBytes.Record(bytes, new KeyValuePair<string, object?>("sections", written.Count)); // clean precision-about
        _exportBytes.Record(bytes, new KeyValuePair<string, object?>("player", pseudonymizer.ComputeDsrSubjectId(request.PlayerId.ToString()))); // leak TC1003 precision-pseudonym
        return link;
    }
}
