using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using CsvHelper;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Media;

public sealed record ViewingRow(string ProfileName, string TitleId, string TitleName, DateTimeOffset WatchedAt, int SecondsWatched);

public interface IViewingHistory
{
    IAsyncEnumerable<ViewingRow> ReadAsync(Guid subscriberId, CancellationToken cancellationToken);
}

/// <summary>Writes a subscriber's viewing history as a CSV they can download from their account page.</summary>
public sealed class ViewingHistoryExporter(
    IViewingHistory history,
    BlobServiceClient blobs,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<ViewingHistoryExporter> logger)
{
    private readonly Histogram<double> _exportSeconds = meter.CreateHistogram<double>("viewing_export.duration", "s");

    public async Task<Uri> ExportAsync(Guid subscriberId, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var run = source.StartExportRun("csv").SetExportRequesterId(pseudonymizer.PseudonymizeExportRequesterId(subscriberId.ToString())); // clean precision-pseudonym
        Baggage.SetBaggage("export.subscriber", subscriberId.ToString()); // leak TC1001 direct
        var blob = blobs.GetBlobContainerClient("viewing-exports").GetBlobClient($"{subscriberId:N}/history-{DateTime.UtcNow:yyyyMMdd}.csv");

        var rows = 0;
        var profiles = new HashSet<string>();
        await using (var stream = new MemoryStream())
        {
            await using (var writer = new StreamWriter(stream, leaveOpen: true))
            await using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
            {
                csv.WriteHeader<ViewingRow>();
                await csv.NextRecordAsync();
                await foreach (var row in history.ReadAsync(subscriberId, cancellationToken))
                {
                    csv.WriteRecord(row);
                    await csv.NextRecordAsync();
                    profiles.Add(row.ProfileName);
                    if (++rows % 500 == 0)
                    {
                        logger.LogDebug("Viewing export at row {Row}, last title {TitleId}", rows, row.TitleId); // clean precision-about
                    }

                    if (row.SecondsWatched < 0)
                    {
                        logger.LogWarning("Negative watch time in {Row}", row); // leak TC1001 logging-objects
                    }
                }
            }

            stream.Position = 0;
            await blob.UploadAsync(stream, overwrite: true, cancellationToken);
        }

        run.SetExportRowCount(rows);
        logger.LogInformation("Viewing export covers profiles {Profiles}", profiles); // leak TC1001 logging-objects
        logger.LogInformation("Viewing export covers {ProfileCount} profiles", profiles.Count); // clean precision-about
        meter.CreateExportRowsCounter().Add(rows, exportFormat: "csv");
        _exportSeconds.Record(stopwatch.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("subscriber", subscriberId)); // leak TC1003 direct
        Activity.Current?.SetTag("export.blob", blob.Name); // leak TC1001 strings

        var link = blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(24));
        Activity.Current?.AddEvent(new ActivityEvent("export.ready", tags: new ActivityTagsCollection { ["export.path"] = link.GetLeftPart(UriPartial.Path) })); // leak TC1001 strings
        return link;
    }
}
