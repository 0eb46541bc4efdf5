namespace PrivacyHoldout177.Support;

/// <summary>The collections platform settings the services bind from configuration.</summary>
public sealed class CollectionsOptions
{
    public string Jurisdiction { get; init; } = "GB";

    public int FinalNoticeDays { get; init; } = 28;

    public int BreathingSpaceDays { get; init; } = 60;

    public decimal MinimumInstalment { get; init; } = 1.00m;

    public string ArrearsLetterTemplateId { get; init; } = "tpl-arrears-v7";

    public string DebtPurchaser { get; init; } = "Lowland Portfolio Recoveries Ltd";
}
