namespace PrivacyHoldout128.Transport;

public interface IRailcardStore
{
    Task<IReadOnlyList<FamilyRailcard>> ExpiringAsync(DateOnly before, CancellationToken cancellationToken = default);

    Task<string?> HolderEmailAsync(string railcardNumber, CancellationToken cancellationToken = default);

    Task<bool> AutoRenewAsync(string railcardNumber, CancellationToken cancellationToken = default);

    Task RenewAsync(string railcardNumber, CancellationToken cancellationToken = default);
}

public sealed class RenewalDeclinedException(string railcardNumber, string reason)
    : Exception($"Renewal of {railcardNumber} declined: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>Reminds the holders of family railcards that their card expires and renews those on auto-renew.</summary>
public sealed class FamilyRailcardRenewalJob(
    IRailcardStore store,
    INotifier notifier,
    Pseudonymizer pseudonymizer,
    ILogger<FamilyRailcardRenewalJob> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Transit.RailcardRenewals");
    private static readonly Meter Meter = new("Transit.RailcardRenewals");
    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>("transit.railcard.reminders");
    private static readonly FamtravelInviteAcceptDurationHistogram RenewHours = Meter.CreateFamtravelInviteAcceptDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cutoff = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));
        var expiring = await store.ExpiringAsync(cutoff, stoppingToken);
        using var span = Source.StartFamtravelHouseholdChange("family-railcard");
        span.SetFamtravelMemberCount(expiring.Count); // clean precision-about
        Activity.Current?.SetTag("railcard.cutoff", cutoff.ToString("O", CultureInfo.InvariantCulture)); // clean precision-about
        Activity.Current?.SetTag("railcard.two_holders", expiring.Count(r => r.SecondHolder is not null)); // clean precision-about
        logger.LogInformation("Expiring railcards {Railcards}", expiring); // leak TC1001 logging-objects
        logger.LogInformation("Expiring railcards {Numbers}", expiring.Select(r => r.RailcardNumber).ToArray()); // leak TC1001 logging-objects

        foreach (var railcard in expiring)
        {
            var email = await store.HolderEmailAsync(railcard.RailcardNumber, stoppingToken);
            if (email is null)
            {
                logger.LogWarning("No email for railcard ending {Last4}", railcard.RailcardNumber[^4..]); // clean precision-about
                continue;
            }
            await notifier.EmailAsync(email, "railcard-expiring", new Dictionary<string, string> { ["first"] = railcard.FirstHolder, ["expires"] = railcard.Expires.ToString("O") }, stoppingToken);
            Reminders.Add(1, new KeyValuePair<string, object?>("days_left", (railcard.Expires.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber) / 7)); // clean precision-about
            var holders = railcard.SecondHolder is null ? railcard.FirstHolder : $"{railcard.FirstHolder} & {railcard.SecondHolder}";
            span.Activity?.AddEvent(new ActivityEvent("railcard.reminded", tags: new ActivityTagsCollection { ["railcard.holders"] = holders })); // leak TC1001 strings
            span.Activity?.AddEvent(new ActivityEvent("railcard.reminded.domain", tags: new ActivityTagsCollection { ["email.domain"] = email[(email.IndexOf('@') + 1)..] })); // clean precision-about
            logger.LogFamtravelHouseholdChangeFailedEvent(famtravelPlan: "family-railcard", famtravelOutcome: "reminded", famtravelNote: "reminder to " + email); // leak TC1001 generated-api

            if (!await store.AutoRenewAsync(railcard.RailcardNumber, stoppingToken))
            {
                continue;
            }
            try
            {
                var started = DateTimeOffset.UtcNow;
                await store.RenewAsync(railcard.RailcardNumber, stoppingToken);
                RenewHours.Record((DateTimeOffset.UtcNow - started).TotalHours, "family-railcard", railcard.SecondHolder is null ? "single" : "joint"); // clean precision-about
            }
            catch (RenewalDeclinedException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Renewal declined: {Reason}", ex.Reason); // clean exceptions
            }
        }
    }
}
