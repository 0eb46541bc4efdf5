namespace PrivacyHoldout192.Support;

/// <summary>Settings the retrofit services read from configuration.</summary>
public sealed class RetrofitOptions
{
    public string Region { get; init; } = "north-west";

    public string Scheme { get; init; } = "eco4";

    public int MaxSurveysPerDay { get; init; } = 6;

    public string PhotoContainer { get; init; } = "home-photos";

    public TimeSpan SurveyTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
