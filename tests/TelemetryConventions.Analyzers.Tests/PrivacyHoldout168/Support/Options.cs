namespace PrivacyHoldout168.Support;

/// <summary>The lending platform settings the services bind from configuration.</summary>
public sealed class LendingOptions
{
    public string Jurisdiction { get; init; } = "GB";

    public decimal MaximumLoanToValue { get; init; } = 0.95m;

    public decimal StressRate { get; init; } = 0.03m;

    public int ArrearsReminderDays { get; init; } = 7;

    public int MinimumScore { get; init; } = 560;

    public string DeclineTemplateId { get; init; } = "tpl-credit-decline";
}
