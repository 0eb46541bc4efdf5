namespace PrivacyHoldout180.Support;

/// <summary>The donation platform settings the services bind from configuration.</summary>
public sealed class DonationOptions
{
    public string Region { get; init; } = "north-west";

    public int ChairsPerSession { get; init; } = 12;

    public int DefaultDeferralDays { get; init; } = 28;

    public string ScreeningVersion { get; init; } = "dhq-2025-09";

    public string LetterTemplateId { get; init; } = "tpl-thanks-v3";

    public bool TraceDonorNumbers { get; init; }
}
