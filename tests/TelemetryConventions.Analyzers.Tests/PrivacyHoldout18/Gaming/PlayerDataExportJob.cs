using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Microsoft.Extensions.Logging;
using PrivacyHoldout18.Support.Documents;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Gaming;

/// <summary>A player's request for a copy of their data (GDPR article 15).</summary>
public sealed record DataExportRequest(Guid RequestId, string PlayerId, string Gamertag, string Email, DateTimeOffset RequestedAt);

public interface IPlayerDataSource
{
    Task WriteSectionAsync(string playerId, string section, Stream output, CancellationToken cancellationToken);
}

public sealed class PlayerDataSource : IPlayerDataSource
{
    private readonly Dictionary<(string Player, string Section), byte[]> _sections = new();

    public async Task WriteSectionAsync(string playerId, string section, Stream output, CancellationToken cancellationToken)
    {
        if (!_sections.TryGetValue((playerId, section), out var json))
        {
            throw new InvalidOperationException($"No {section} data for player {playerId}");
        }

        await output.WriteAsync(json, cancellationToken);
    }
}

public static class ExportPaths
{
    /// <summary>The name the player sees when the download starts.</summary>
    public static string ArchiveName(DataExportRequest request) => $"{request.Gamertag}-data-{request.RequestedAt:yyyyMMdd}.zip";
}

public sealed class PlayerDataExportJob(
    IPlayerDataSource data,
    BlobServiceClient blobs,
    IMailRelay mail,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<PlayerDataExportJob> logger)
{
    private static readonly string[] Sections = ["profile", "matches", "purchases", "chat"];
    private readonly Counter<long> _completed = meter.CreateCounter<long>("player_export.completed", "{export}");

    public async Task RunAsync(DataExportRequest request, CancellationToken cancellationToken)
    {
        using var run = source.StartExportRun("zip").SetExportJobId(request.RequestId.ToString()).SetExportRequesterId(pseudonymizer.PseudonymizeExportRequesterId(request.PlayerId)); // clean precision-pseudonym
        using var scope = logger.BeginScope("Data export {RequestId}", request.RequestId); // clean precision-about
        var partition = (request.PlayerId.GetHashCode() & 0x7FFFFFFF) % 16;
        Activity.Current?.SetTag("export.partition", partition); // leak TC1002 hashes
        var written = 0;
        using var buffer = new MemoryStream();
        try
        {
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var section in Sections)
                {
                    var entry = zip.CreateEntry($"{section}.json");
                    await using (var output = entry.Open())
                    {
                        await data.WriteSectionAsync(request.PlayerId, section, output, cancellationToken);
                    }

                    written++;
                    logger.LogInformation("Export section {Section} written ({Done}/{Total})", entry.FullName, written, Sections.Length); // clean precision-about
                }
            }
        }
        catch (InvalidOperationException ex)
        {
            run.RecordException(ex); // clean exceptions
            logger.LogError(ex, "Data export {RequestId} failed after {Sections} sections", request.RequestId, written); // leak TC1001 exceptions
            throw;
        }

        var archiveName = ExportPaths.ArchiveName(request);
        var blob = blobs.GetBlobContainerClient("player-exports").GetBlobClient($"{request.RequestId:N}/{archiveName}");
        buffer.Position = 0;
        await blob.UploadAsync(buffer, overwrite: true, cancellationToken);
        run.SetExportRowCount(written);
        Activity.Current?.SetTag("export.archive", archiveName); // leak TC1001 cross-member
        Activity.Current?.SetTag("export.archive.bytes", buffer.Length);

        var expires = DateTimeOffset.UtcNow.AddDays(7);
        var link = blob.GenerateSasUri(BlobSasPermissions.Read, expires);
        await mail.SendAsync(request.Email, "Your data export is ready", $"Download it within 7 days: {link}", cancellationToken);
        logger.LogInformation("Export {RequestId} mailed; link expires {Expiry:u}", request.RequestId, expires); // clean precision-about
        logger.LogDebug("Export link {Link}", link); // leak TC1001 strings
        _completed.Add(1, new KeyValuePair<string, object?>(ExportAttributes.RequesterId, pseudonymizer.ComputeExportRequesterId(request.PlayerId))); // leak TC1003 precision-pseudonym
    }
}
