namespace PrivacyHoldout194.Support;

public sealed class TelematicsOptions
{
    public string Region { get; init; } = "uk-south";

    public int NightStartHour { get; init; } = 23;

    public int NightEndHour { get; init; } = 5;

    public int HarshBrakeThresholdMilliG { get; init; } = 350;

    public double CrashThresholdG { get; init; } = 4.0;

    public string ScoringEngine { get; init; } = "score-v3";
}
