namespace PrivacyHoldout152.Gaming;

/// <summary>Awards stickers from the game servers' queue and tells nursery rooms which games their children finished.</summary>
public sealed class StickerAwardConsumer(
    IQueueReceiver<StickerAward> queue,
    IProfileStore profiles,
    Pseudonymizer pseudonymizer,
    ILogger<StickerAwardConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("TinyPlay.Stickers");
    private static readonly Meter Meter = new("TinyPlay.Stickers");
    private static readonly Counter<long> Awarded = Meter.CreateCounter<long>("tinyplay.stickers.awarded");

    private readonly List<string> topCollectors = new();
    private int awardedToday;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var award = await queue.ReceiveAsync(stoppingToken);
            if (award is null)
            {
                continue;
            }

            awardedToday++;
            using var span = Source.StartTinyplayOperation("stickers").SetTinyplayStickerCount(1); // clean precision-about
            span.SetTinyplayChildId(pseudonymizer.PseudonymizeTinyplayChildId(award.ProfileId.ToString())); // clean precision-pseudonym
            Activity.Current?.SetTag("sticker.id", award.StickerId); // clean precision-names
            Activity.Current?.SetTag("sticker.name", award.Sticker); // clean precision-about
            Awarded.Add(1, new KeyValuePair<string, object?>("sticker", award.Sticker)); // clean precision-about
            Awarded.Add(1, new KeyValuePair<string, object?>("profile", award.ProfileId)); // leak TC1003 direct
            logger.LogInformation("Sticker {Award}", award); // leak TC1001 logging-objects

            var profile = await profiles.FindAsync(award.ProfileId, stoppingToken);
            if (profile is null)
            {
                continue;
            }

            var label = BadgeLine(profile, award);
            span.SetTinyplayNote(label); // leak TC1001 generated-api
            span.SetTinyplayNote($"{award.Sticker} for a {profile.AgeMonths}-month-old"); // clean generated-api
            if (profile.AgeMonths > 36)
            {
                topCollectors.Add(profile.Nickname);
            }

            Activity.Current?.AddEvent(new ActivityEvent("sticker.shown", tags: new ActivityTagsCollection { ["sticker.avatar"] = profile.AvatarId })); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("sticker.shown", tags: new ActivityTagsCollection { ["sticker.owner"] = profile.Nickname })); // leak TC1001 direct
        }
    }

    public void LogLeaderboard()
    {
        logger.LogInformation("{Awarded} stickers today", awardedToday); // clean cross-member
        logger.LogInformation("Top collectors: {Collectors}", string.Join(", ", topCollectors)); // leak TC1001 cross-member
        logger.LogInformation("{Collectors} top collectors", topCollectors.Count); // clean cross-member
    }

    private static string BadgeLine(PlayProfile profile, StickerAward award) => $"{profile.Nickname} earned {award.Sticker}";
}
