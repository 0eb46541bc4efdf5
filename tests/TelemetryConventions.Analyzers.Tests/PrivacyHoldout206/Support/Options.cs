namespace PrivacyHoldout206.Support;

/// <summary>Options every research service binds from its configuration.</summary>
public sealed class StudyServiceOptions
{
    public string ServiceName { get; init; } = "research";

    public string StudyCode { get; init; } = "ORBIT-2";

    public string SiteCode { get; init; } = "RXH01";

    public int ExportBatchSize { get; init; } = 500;

    public TimeSpan ConsentValidity { get; init; } = TimeSpan.FromDays(365);
}

/// <summary>The activity source and meter of the research platform.</summary>
public static class StudyTelemetry
{
    public static readonly ActivitySource Source = new("University.Research");

    public static readonly Meter Meter = new("University.Research");
}
