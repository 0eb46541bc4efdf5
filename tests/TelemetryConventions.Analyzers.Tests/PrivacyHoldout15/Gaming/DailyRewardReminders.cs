using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout15.Support.Firebase;
using PrivacyHoldout15.Support.Hangfire;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Gaming;

public sealed class RewardReminderRegistration(IRecurringJobManager recurring, ILogger<RewardReminderRegistration> logger)
{
    public static string RecurringIdFor(Player player) => $"daily-reward:{player.Gamertag}";

    public void Register(Player player, int localHour)
    {
        var recurringId = RecurringIdFor(player);
        recurring.AddOrUpdate<DailyRewardReminderJob>(recurringId, job => job.RemindAsync(player.Id, CancellationToken.None), Cron.Daily(localHour)); // leak TC1001 cross-member
        logger.LogInformation("Recurring reminder {RecurringJobId} set for {Hour}:00", recurringId, localHour); // leak TC1001 strings
    }

    public void Unregister(Player player)
    {
        recurring.RemoveIfExists(RecurringIdFor(player));
        logger.LogInformation("Recurring reminder removed for a player in {Region}", player.Region); // clean precision-about
    }
}

[AutomaticRetry(Attempts = 2)]
public sealed class DailyRewardReminderJob(
    FirebaseMessaging messaging,
    IPlayerDirectory players,
    Pseudonymizer pseudonymizer,
    ILogger<DailyRewardReminderJob> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Arena.Jobs");

    public async Task RemindAsync(Guid playerId, CancellationToken cancellationToken)
    {
        var subject = pseudonymizer.PseudonymizeJobSubjectId(playerId.ToString());
        using var run = Source.StartJobRun("daily-reward-reminder").SetJobSubjectId(subject).SetJobQueue("default"); // clean precision-pseudonym
        var started = Stopwatch.GetTimestamp();

        var player = await players.FindAsync(playerId, cancellationToken) ?? throw new InvalidOperationException($"Player {playerId} no longer exists"); // leak TC1001 exceptions
        var devices = await players.DevicesAsync(playerId, cancellationToken);
        run.SetJobItemCount(devices.Count);

        foreach (var device in devices)
        {
            await messaging.SendAsync(new Message { Token = device.PushToken, Notification = new Notification { Title = $"Your daily chest is ready, {player.Gamertag}!" } }, cancellationToken);
        }

        run.SetJobOutcome($"reminded {player.Gamertag} on {devices.Count} devices"); // leak TC1001 generated-api
        logger.LogInformation("Daily reward reminder done for {Subject}", subject); // clean precision-pseudonym
        meter.CreateJobDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "daily-reward-reminder", "default"); // clean precision-names
    }
}

/// <summary>A state filter: logs every job that moves to Failed, and the reason Hangfire gives.</summary>
public sealed class FailedJobLogger(ILogger<FailedJobLogger> logger, Meter meter) : JobFilterAttribute, IElectStateFilter
{
    private readonly Counter<long> _failed = meter.CreateCounter<long>("arena.jobs.failed", "{job}");

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not FailedState failed)
        {
            return;
        }

        var attempt = context.GetJobParameter<int>("RetryCount");
        Activity.Current?.AddJobRetryScheduledEvent(attempt + 1, failed.Exception.GetType().Name); // clean exceptions
        _failed.Add(1, new KeyValuePair<string, object?>("method", context.BackgroundJob.Job.Method.Name), new KeyValuePair<string, object?>("exception", failed.Exception.GetType().Name)); // clean exceptions
        logger.LogError(failed.Exception, "Job {JobId} failed on attempt {Attempt}", context.BackgroundJob.Id, attempt); // leak TC1001 exceptions
        logger.LogJobRetryScheduledEvent(attempt + 1, failed.Exception.Message); // leak TC1001 generated-api
        logger.LogError("Failed job {JobId} args: {Args}", context.BackgroundJob.Id, context.BackgroundJob.Job.Args); // leak TC1001 logging-objects
    }
}
