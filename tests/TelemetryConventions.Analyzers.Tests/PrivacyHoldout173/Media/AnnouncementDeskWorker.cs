namespace PrivacyHoldout173.Media;

/// <summary>The newspaper's announcements desk: publishes paid wedding announcements readers send in.</summary>
public sealed class AnnouncementDeskWorker(
    IQueueReceiver<WeddingAnnouncement> receiver,
    ILogger<AnnouncementDeskWorker> logger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Newspaper.Announcements");
    private static readonly Meter Meter = new("Newspaper.Announcements");
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("announcements.published");

    private readonly Dictionary<string, string> _heldForEmbargo = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var announcement = await receiver.ReceiveAsync(stoppingToken);
            if (announcement is null)
            {
                continue;
            }

            using var span = Source.StartWeddingtvOperation(announcement.Edition);
            span.SetWeddingtvEventType("announcement"); // clean generated-api
            span.SetWeddingtvNote($"{announcement.Text.Length} characters, {announcement.Edition}"); // clean generated-api
            Published.Add(1, new KeyValuePair<string, object?>("edition", announcement.Edition)); // clean precision-about

            if (announcement.EmbargoUntil > DateTimeOffset.UtcNow)
            {
                _heldForEmbargo[announcement.AnnouncementId] = announcement.Text;
                span.SetWeddingtvOutcome("embargoed"); // clean generated-api
                logger.LogInformation("Announcement {AnnouncementId} held until {Until:d}", announcement.AnnouncementId, announcement.EmbargoUntil); // clean precision-names
                continue;
            }

            logger.LogInformation("Publishing: {Text}", announcement.Text); // leak TC1001 direct
            span.SetWeddingtvCoupleId(pseudonymizer.PseudonymizeWeddingtvCoupleId(announcement.PlacedByEmail)); // clean generated-api
            Published.Add(1, new KeyValuePair<string, object?>("placed_by", announcement.PlacedByEmail)); // leak TC1003 direct
        }
    }

    public void Withdraw(WeddingAnnouncement announcement, string reason, bool placerKnown)
    {
        using var activity = Source.StartActivity("announcements.withdraw");
        var line = string.Concat("Withdrawn: ", announcement.Text);
        activity?.SetTag("announcements.withdrawn_text", line); // leak TC1001 strings
        logger.LogInformation("Withdrawn {AnnouncementId} ({Reason})", announcement.AnnouncementId, reason); // clean precision-names
        var summary = string.Create(CultureInfo.InvariantCulture, $"{announcement.Edition}: {announcement.Text.Length} chars withdrawn");
        activity?.SetTag("announcements.summary", summary); // clean strings
        try
        {
            if (!placerKnown)
            {
                throw new CoupleNotFoundException(announcement.PlacedByEmail);
            }
        }
        catch (CoupleNotFoundException ex)
        {
            logger.LogError(ex, "Could not refund the placer of {AnnouncementId}", announcement.AnnouncementId); // leak TC1001 exceptions
            activity?.SetTag("exception.type", ex.GetType().Name); // clean exceptions
        }
    }

    public void ReportEmbargoes()
    {
        logger.LogInformation("Held announcements {Held}", _heldForEmbargo); // leak TC1001 cross-member
        logger.LogInformation("Held announcement ids {Ids}", string.Join(",", _heldForEmbargo.Keys)); // clean cross-member
    }
}

/// <summary>A paid announcement: id, edition, the text (names the couple), who placed it and the embargo.</summary>
public sealed record WeddingAnnouncement(string AnnouncementId, string Edition, string Text, string PlacedByEmail, DateTimeOffset EmbargoUntil);
