namespace PrivacyHoldout153.Gaming;

/// <summary>A console game's eye-break reminders for children (the 20-20-20 rule) and the weekly screen-time email to parents.</summary>
public sealed class EyeBreakReminderService(
    IPlayerDirectory players,
    IParentNotifier notifier,
    Pseudonymizer pseudonymizer,
    ILogger<EyeBreakReminderService> logger)
{
    private static readonly ActivitySource Source = new("BrushQuest.EyeBreaks");
    private static readonly Meter Meter = new("BrushQuest.EyeBreaks");
    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>("game.eye_break.reminders");

    public async Task RemindAsync(Guid playerId, string quest, TimeSpan played, CancellationToken cancellationToken)
    {
        using var span = Source.StartBrushquestOperation("eye-break");
        span.SetBrushquestQuest(quest); // clean precision-about
        var profile = await players.FindAsync(playerId, cancellationToken);
        if (profile is null)
        {
            logger.LogWarning("No profile for player {PlayerId}", playerId); // leak TC1001 direct
            return;
        }

        Reminders.Add(1, new KeyValuePair<string, object?>("game.quest", quest), new KeyValuePair<string, object?>("game.age_band", profile.Age < 8 ? "under-8" : "8-12")); // clean precision-about
        span.SetBrushquestNote($"{profile.Gamertag} played {played.TotalMinutes:F0} minutes"); // leak TC1001 generated-api
        span.SetBrushquestNote($"Reminder after {played.TotalMinutes:F0} minutes in {quest}"); // clean generated-api
        Activity.Current?.SetTag("game.gamertag.length", profile.Gamertag.Length); // clean precision-about
        Activity.Current?.SetTag(BrushquestAttributes.Contact, profile.ParentEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag("game.player", pseudonymizer.ComputeBrushquestPlayerId(playerId.ToString())); // clean precision-pseudonym
    }

    public async Task SendWeeklyAsync(PlayerProfile profile, TimeSpan screenTime, CancellationToken cancellationToken)
    {
        var body = WeeklyLine(profile, screenTime);
        await notifier.NotifyAsync(profile.ParentEmail, body, cancellationToken);
        logger.LogInformation("Weekly email body: {Body}", body); // leak TC1001 strings
        logger.LogInformation("Weekly email: {Summary}", Summary(screenTime)); // clean strings
        try
        {
            Validate(profile.Gamertag);
        }
        catch (GamertagRejectedException ex)
        {
            logger.LogWarning(ex, "Weekly email skipped"); // leak TC1001 exceptions
        }
        catch (QuestLockedException ex)
        {
            logger.LogWarning(ex, "Weekly email skipped"); // clean exceptions
        }
    }

    private static void Validate(string gamertag)
    {
        if (gamertag.Contains("admin", StringComparison.OrdinalIgnoreCase))
        {
            throw new GamertagRejectedException(gamertag);
        }
    }

    private static string WeeklyLine(PlayerProfile profile, TimeSpan screenTime) => $"{profile.Gamertag} played for {screenTime.TotalHours:F1} hours this week";

    private static string Summary(TimeSpan screenTime) => $"{screenTime.TotalHours:F1} hours this week";
}
