namespace FitSync.Wellness;

// Stand-ins in the shape of a wearable maker's health API (push summaries, backfill, devices). Records print their members.

/// <summary>A day's summary for one user. Prints its members, the user id included.</summary>
public sealed record DailySummary(
    string UserId,
    string SummaryId,
    DateOnly CalendarDate,
    int Steps,
    int ActiveKilocalories,
    int RestingHeartRate,
    int? AverageStressLevel,
    int ModerateIntensitySeconds,
    int VigorousIntensitySeconds);

public sealed record HeartRateReading(DateTimeOffset At, int Bpm);

/// <summary>A night's sleep for one user. Prints its members, the user id included.</summary>
public sealed record SleepSummary(string UserId, DateOnly CalendarDate, int DurationSeconds, int DeepSleepSeconds, int? SleepScore);

/// <summary>A paired wearable. Prints its members, the device's serial id included.</summary>
public sealed record WearableDevice(string DeviceId, string Model, string FirmwareVersion, int BatteryPercent);

/// <summary>A ping that new data is ready: the type, the user, their access token and the callback. Prints its members.</summary>
public sealed record SummaryPing(string SummaryType, string UserId, string UserAccessToken, Uri CallbackUrl);

public interface IWellnessClient
{
    Task<IReadOnlyList<DailySummary>> PullDailiesAsync(Uri callbackUrl, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<HeartRateReading>> PullHeartRateAsync(string userAccessToken, DateOnly day, CancellationToken cancellationToken = default);

    Task RequestBackfillAsync(string userAccessToken, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}

/// <summary>The user deregistered from the health API; quotes their user id.</summary>
public sealed class UserDeregisteredException(string userId) : Exception($"User {userId} has deregistered from the health API")
{
    public string UserId { get; } = userId;
}

/// <summary>A backfill beyond what the API keeps; quotes the days asked for.</summary>
public sealed class BackfillWindowException(int days) : Exception($"Backfill of {days} days exceeds the 90-day window")
{
    public int Days { get; } = days;
}
