namespace PrivacyHoldout169.Support;

/// <summary>The fundraising platform settings the services bind from configuration.</summary>
public sealed class FundraisingOptions
{
    public string CharityNumber { get; init; } = "1234567";

    public decimal GiftAidRate { get; init; } = 0.25m;

    public int ClaimBatchSize { get; init; } = 500;

    public int LegacyReviewDays { get; init; } = 30;

    public string ThankYouTemplateId { get; init; } = "tpl-thank-you";
}
