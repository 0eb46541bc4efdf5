namespace PrivacyHoldout167.Support;

/// <summary>The parking and enforcement platform settings the services bind from configuration.</summary>
public sealed class KerbsideOptions
{
    public string Authority { get; init; } = "GB";

    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromMinutes(10);

    public decimal PenaltyAmount { get; init; } = 70m;

    public decimal DiscountRate { get; init; } = 0.5m;

    public int MaxPermitsPerHousehold { get; init; } = 2;

    public string NoticeTemplateId { get; init; } = "tpl-pcn-issued";
}
