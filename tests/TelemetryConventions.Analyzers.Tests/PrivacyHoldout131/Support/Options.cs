namespace PrivacyHoldout131.Support;

/// <summary>The refunds settings the services bind from configuration.</summary>
public sealed class RefundsOptions
{
    public string Region { get; init; } = "north";

    public decimal GoodwillCap { get; init; } = 50m;

    public int ReturnWindowDays { get; init; } = 30;

    public decimal StoreCreditBonusPercent { get; init; } = 10m;

    public string EvidenceTemplateId { get; init; } = "tpl-evidence-standard";

    public TimeSpan DeadlockAfter { get; init; } = TimeSpan.FromDays(56);
}

/// <summary>The options pattern, reduced to what the services read.</summary>
public interface IOptions<out TOptions>
    where TOptions : class
{
    TOptions Value { get; }
}
