namespace PrivacyHoldout109.Media;

/// <summary>The manifest a subtitle vendor drops beside its files. Prints its members.</summary>
public sealed record SubtitleDelivery(string TitleId, string Language, string FileName, string Sha256, string TranslatorName, string TranslatorEmail);

/// <summary>Ingests subtitle deliveries: checks each file's checksum against the vendor's manifest and moves it into the catalogue.</summary>
public sealed class SubtitleDeliveryIngest(
    ActivitySource source,
    ILogger<SubtitleDeliveryIngest> logger,
    SftpClient sftp,
    PartnerEndpoint vendor)
{
    public void Ingest(string manifestJsonName, IReadOnlyList<SubtitleDelivery> deliveries)
    {
        using var span = source.StartRoyaltyfeedTransfer(vendor.PartnerCode, "inbound");
        span.SetRoyaltyfeedFileName(manifestJsonName); // clean precision-names
        span.SetRoyaltyfeedRecordCount(deliveries.Count); // clean precision-about
        foreach (var delivery in deliveries)
        {
            var bytes = sftp.ReadAllBytes(vendor.InboundDir + "/" + delivery.FileName);
            var actual = FileManifest.Sha256Of(bytes);
            if (actual != delivery.Sha256)
            {
                var ex = new ChecksumMismatchException(delivery.FileName, delivery.Sha256, actual);
                logger.LogError(ex, "Subtitle {Title}/{Language} failed its checksum", delivery.TitleId, delivery.Language); // clean exceptions
                logger.LogError("Rejected delivery {Delivery}", delivery); // leak TC1001 logging-objects
                logger.LogError("Ask {Translator} to redeliver", delivery.TranslatorEmail); // leak TC1001 direct
                Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                continue;
            }
            Activity.Current?.SetTag("subtitle.sha256", actual); // clean hashes
            Activity.Current?.SetTag("subtitle.vendor.translator", delivery.TranslatorName); // leak TC1001 direct
            logger.LogInformation("Ingested {Title} {Language} ({Bytes} bytes)", delivery.TitleId, delivery.Language, bytes.Length); // clean precision-names
        }
    }
}
