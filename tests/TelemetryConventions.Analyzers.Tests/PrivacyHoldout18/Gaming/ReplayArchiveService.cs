using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using PrivacyHoldout18.Telemetry;

namespace PrivacyHoldout18.Gaming;

/// <summary>The recording of one player's perspective of a match.</summary>
public sealed record ReplayStream(string PlayerId, string Gamertag, byte[] Frames);

/// <summary>Keeps the recordings of ranked matches for anti-cheat review: one archive per match, one entry per player.</summary>
public sealed class ReplayArchiveService(IAmazonS3 s3, ActivitySource source, Meter meter, ILogger<ReplayArchiveService> logger)
{
    private const string Bucket = "arena-replays";

    public async Task<string> ArchiveAsync(Guid matchId, string mapName, IReadOnlyList<ReplayStream> streams, CancellationToken cancellationToken)
    {
        using var run = source.StartExportRun("zip").SetExportJobId($"replay-{matchId:N}"); // clean precision-about
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var stream in streams)
            {
                var entry = zip.CreateEntry($"{stream.PlayerId}.rec", CompressionLevel.Fastest);
                await using var output = entry.Open();
                await output.WriteAsync(stream.Frames, cancellationToken);
            }

            var entries = zip.Entries.Select(e => e.FullName).ToList();
            logger.LogDebug("Replay archive for match {MatchId} holds {Entries}", matchId, entries); // leak TC1001 logging-objects
        }

        buffer.Position = 0;
        var key = ReplayKey(matchId, DateTime.UtcNow);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = buffer, ContentType = "application/zip" }, cancellationToken);

        run.SetExportRowCount(streams.Count);
        Activity.Current?.SetTag("replay.key", key); // clean cross-member
        meter.CreateDocumentSizeHistogram().Record(buffer.Length, documentKind: "replay");
        logger.LogInformation("Archived replay of {Map} with {Perspectives} perspectives as {Key}", mapName, streams.Count, key); // clean precision-about
        return key;
    }

    private static string ReplayKey(Guid matchId, DateTime archivedAt) => $"replays/{archivedAt:yyyy/MM/dd}/{matchId:N}.zip";

    public async Task<byte[]?> ExtractPerspectiveAsync(string key, string playerId, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(Bucket, key, cancellationToken);
        using var zip = new ZipArchive(response.ResponseStream, ZipArchiveMode.Read);
        var entry = zip.GetEntry($"{playerId}.rec");
        if (entry is null)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, $"no perspective {playerId}.rec in {key}"); // leak TC1001 strings
            return null;
        }

        Activity.Current?.SetTag("replay.entry.bytes", entry.Length);
        Activity.Current?.SetTag("replay.entry.ratio", entry.Length == 0 ? 0 : (double)entry.CompressedLength / entry.Length);
        using var output = new MemoryStream();
        await using (var input = entry.Open())
        {
            await input.CopyToAsync(output, cancellationToken);
        }

        return output.ToArray();
    }
}
