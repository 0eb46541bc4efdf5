namespace PrivacyHoldout165.Media;

/// <summary>A newspaper digitises its obituary archive for family historians and indexes notices by town and year.</summary>
public sealed class ObituaryArchiveIndexer(
    IQueueReceiver<ArchivedObituary> notices,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<ObituaryArchiveIndexer> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Newspaper.Obituaries");
    private readonly Counter<long> _indexed = meter.CreateCounter<long>("obituaries.indexed");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var notice = await notices.ReceiveAsync(stoppingToken);
            if (notice is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("obituary.index");
            activity?.SetTag("notice.id", notice.NoticeId); // clean precision-names
            activity?.SetTag("notice.town", notice.Town); // clean precision-about
            activity?.SetTag("notice.label", string.Concat(notice.Town, "/", notice.Year.ToString(CultureInfo.InvariantCulture))); // clean strings
            activity?.SetTag("notice.decade", notice.Year / 10 * 10); // clean precision-about
            activity?.SetTag("notice.words", notice.Text.Split(' ').Length); // clean precision-about
            activity?.SetTag("notice.deceased", notice.DeceasedName); // leak TC1001 direct
            activity?.SetTag("notice.text", notice.Text); // leak TC1001 direct
            logger.LogDebug("Indexed {Notice}", notice); // leak TC1001 logging-objects
            _indexed.Add(1, new KeyValuePair<string, object?>("town", notice.Town), new KeyValuePair<string, object?>("decade", notice.Year / 10 * 10)); // clean precision-about
            var nameKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(notice.DeceasedName.ToUpperInvariant())))[..8];
            activity?.SetTag("notice.name_key", nameKey); // leak TC1002 hashes
            var nameShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(notice.DeceasedName))[0] % 64;
            activity?.SetTag("notice.name_shard", nameShard); // clean hashes
            var surname = notice.DeceasedName.Split(' ').Last();
            logger.LogInformation("Surname index updated for {Surname}", surname); // leak TC1001 strings
            logger.LogInformation("Surname index updated, {Letters} letters", surname.Length); // clean precision-about
            activity?.SetTag("notice.person", pseudonymizer.Compute("obituary-subject", notice.DeceasedName)); // clean precision-pseudonym
        }
    }
}
