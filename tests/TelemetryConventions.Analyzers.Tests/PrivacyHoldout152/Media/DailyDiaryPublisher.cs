namespace PrivacyHoldout152.Media;

/// <summary>Publishes children's daily diaries and room photos to the parents' app, checking photo consent for every child tagged.</summary>
public sealed partial class DailyDiaryPublisher(
    IParentApp app,
    IChildRegister children,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<DailyDiaryPublisher> logger)
{
    private static readonly ActivitySource Source = new("Nursery.Diary");

    private readonly Counter<long> photosHeld = meter.CreateCounter<long>("nursery.diary.photos_held");
    private readonly HashSet<string> withdrawnChildren = new();
    private DiaryEntry? lastLongNote;

    public async Task PublishAsync(DiaryEntry entry, string settingUrn, CancellationToken cancellationToken)
    {
        using var span = Source.StartNurseryshareOperation(settingUrn);
        span.SetNurseryshareChildId(pseudonymizer.PseudonymizeNurseryshareChildId(entry.ChildId)); // clean precision-pseudonym
        Activity.Current?.SetTag("diary.entry_id", entry.EntryId); // clean precision-names
        Activity.Current?.SetTag("diary.nap_minutes", entry.NapMinutes);
        Activity.Current?.SetTag("diary.nappy_changes", entry.NappyChanges); // clean precision-about
        Activity.Current?.SetTag("diary.note", entry.Note); // leak TC1001 direct
        Activity.Current?.SetTag("diary.has_note", entry.Note.Length > 0); // clean precision-about

        if (entry.Note.Length > 400)
        {
            lastLongNote = entry;
        }

        await app.PublishAsync(entry, cancellationToken);
        logger.LogInformation("Diary published {Entry}", entry); // leak TC1001 logging-objects
        logger.LogInformation("Diary published: {Meals}, {Nap} minutes asleep", entry.Meals, entry.NapMinutes); // clean precision-about
        LogPublished(logger, entry.EntryId, entry.ChildName); // clean logging-objects
    }

    public async Task<int> ShareRoomPhotoAsync(DiaryPhoto photo, string settingUrn, CancellationToken cancellationToken)
    {
        using var span = Source.StartNurseryshareOperation(settingUrn).SetNurseryshareRoom(photo.Room).SetNurserysharePhotoCount(1); // clean precision-about
        Activity.Current?.SetTag("photo.id", photo.PhotoId); // clean precision-names
        Activity.Current?.SetTag("photo.tagged_children", photo.TaggedChildIds.Count); // clean precision-about
        Activity.Current?.SetTag("photo.tagged", string.Join(",", photo.TaggedChildIds)); // leak TC1001 strings
        logger.LogDebug("Sharing photo {PhotoId} with {Tagged}", photo.PhotoId, photo.TaggedChildIds); // leak TC1001 logging-objects

        foreach (var childId in photo.TaggedChildIds)
        {
            if (!await app.ConsentAsync(childId, "photos", cancellationToken))
            {
                var child = await children.FindAsync(childId, cancellationToken);
                var withdrawn = new PhotoConsentWithdrawnException(child?.FirstName ?? childId);
                withdrawnChildren.Add(childId);
                photosHeld.Add(1, new KeyValuePair<string, object?>("room", photo.Room)); // clean precision-about
                photosHeld.Add(1, new KeyValuePair<string, object?>("child_bucket", Bucket(childId))); // clean hashes
                span.SetNurseryshareOutcome(withdrawn.Message); // leak TC1001 generated-api
                logger.LogNurseryshareOperationFailedEvent(settingUrn, "consent-withdrawn", nurseryshareChildId: pseudonymizer.PseudonymizeNurseryshareChildId(childId)); // clean generated-api
                Activity.Current?.SetTag("photo.withdrawn_key", BitConverter.ToString(SHA256.HashData(Encoding.UTF8.GetBytes(childId)), 0, 8)); // leak TC1002 hashes
                return 0;
            }
        }

        meter.CreateNurserysharePostsCounter().Add(1, settingUrn, "shared"); // clean generated-api
        return 1;
    }

    public void LogDay()
    {
        logger.LogInformation("{Count} children without photo consent today", withdrawnChildren.Count); // clean cross-member
        logger.LogInformation("Children without photo consent: {Children}", withdrawnChildren); // leak TC1001 cross-member
        logger.LogInformation("Longest note today: {Note}", lastLongNote?.Note); // leak TC1001 cross-member
        logger.LogInformation("Longest note today: {Length} characters", lastLongNote?.Note.Length); // clean cross-member
    }

    private int Bucket(string childId) =>
        BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(childId)), 0) % 64;

    [LoggerMessage(EventId = 5601, Level = LogLevel.Information, Message = "Diary {EntryId} published for {ChildName}")]
    private static partial void LogPublished(ILogger logger, string entryId, [PrivateData] string childName);
}
