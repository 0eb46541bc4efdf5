namespace PrivacyHoldout109.Media;

/// <summary>Builds the monthly usage report each label receives (title, territory, streams), drops it and archives it.</summary>
public sealed class RoyaltyUsageReportExport(
    ActivitySource source,
    Meter meter,
    ILogger<RoyaltyUsageReportExport> logger,
    Pseudonymizer pseudonymizer,
    SftpClient sftp,
    PartnerEndpoint label,
    IFileArchive archive)
{
    private static readonly RetentionPolicy Royalty = new("royalty-usage", TimeSpan.FromDays(365 * 10));

    public async Task ExportAsync(DateOnly month, IReadOnlyList<(string Isrc, string Territory, long Streams, decimal Revenue)> usage, IReadOnlyList<(Guid SubscriberId, string Isrc, long Streams)> topListeners, CancellationToken ct)
    {
        var fileName = $"USAGE_{label.PartnerCode}_{month:yyyyMM}.tsv";
        using var span = source.StartRoyaltyfeedTransfer(label.PartnerCode, "outbound");
        span.SetRoyaltyfeedFileName(fileName); // clean precision-names
        var text = "isrc\tterritory\tstreams\trevenue\n" + string.Join("\n", usage.Select(u => $"{u.Isrc}\t{u.Territory}\t{u.Streams}\t{u.Revenue}"));
        logger.LogDebug("Usage report head {Head}", text[..Math.Min(200, text.Length)]); // clean strings
        logger.LogInformation("Usage by territory {ByTerritory}", usage.GroupBy(u => u.Territory).ToDictionary(g => g.Key, g => g.Sum(u => u.Streams))); // clean logging-objects
        logger.LogInformation("Top listeners {Listeners}", topListeners.Take(5)); // leak TC1001 logging-objects
        logger.LogInformation("Top listener streams {Streams}", topListeners.Take(5).Select(l => l.Streams)); // clean precision-about
        logger.LogInformation("Top listeners {Listeners}", topListeners.Take(5).Select(l => pseudonymizer.ComputeRoyaltyfeedSubscriberId(l.SubscriberId.ToString()))); // clean precision-pseudonym
        var fraudSuspect = topListeners.FirstOrDefault(l => l.Streams > 20_000);
        if (fraudSuspect.Streams > 0)
        {
            span.SetRoyaltyfeedNote($"stream farming suspected: {fraudSuspect.SubscriberId} on {fraudSuspect.Isrc}"); // leak TC1001 generated-api
            Activity.Current?.SetTag("usage.suspect.digest", Convert.ToHexString(SHA256.HashData(fraudSuspect.SubscriberId.ToByteArray()))[..16]); // leak TC1002 hashes
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        sftp.Connect();
        sftp.UploadFile(new MemoryStream(bytes), label.OutboundDir + "/" + fileName);
        var archived = await archive.PutAsync($"royalty/{label.PartnerCode}/{fileName}", bytes, Royalty, ct);
        logger.LogInformation("Archived usage report {Archived}", archived); // clean logging-objects
        span.SetRoyaltyfeedFileChecksum(archived.Sha256); // clean hashes
        meter.CreateRoyaltyfeedTransferDurationHistogram().Record(1.2, label.PartnerCode, "outbound"); // clean generated-api
    }
}
