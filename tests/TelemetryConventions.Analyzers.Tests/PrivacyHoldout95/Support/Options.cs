namespace PrivacyHoldout95.Support;

/// <summary>The background work settings every service binds from configuration (<c>Jobs</c> section).</summary>
public sealed class JobOptions
{
    public int BatchSize { get; init; } = 200;

    public int MaxAttempts { get; init; } = 6;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public string TimeZone { get; init; } = "Europe/London";

    public int SkipLimit { get; init; } = 50;
}

/// <summary>The options pattern, reduced to what the services read.</summary>
public interface IOptions<out T>
    where T : class
{
    T Value { get; }
}
