namespace PrivacyHoldout212.Support;

/// <summary>The baby products platform settings the services bind from configuration.</summary>
public sealed class NurseryPlatformOptions
{
    public string Site { get; init; } = "DC-01";

    public string RecallFeed { get; init; } = "rospa-feed";

    public int ReturnWindowDays { get; init; } = 28;

    public int WarrantyMonths { get; init; } = 24;

    public int FittingMinutes { get; init; } = 45;

    public bool TraceHouseholds { get; init; }
}

/// <summary>Identifier spaces the services pseudonymise people in by hand.</summary>
public static class Spaces
{
    public const string Household = "household";

    public const string Fitter = "fitter";
}
