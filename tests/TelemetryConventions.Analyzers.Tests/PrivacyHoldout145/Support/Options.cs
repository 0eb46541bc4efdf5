namespace PrivacyHoldout145.Support;

/// <summary>The operator platform settings the services bind from configuration.</summary>
public sealed class OperatorOptions
{
    public string NetworkCode { get; init; } = "23433";

    public string HomeCountry { get; init; } = "GB";

    public int SimSwapHoldHours { get; init; } = 24;

    public int UsageAlertPercent { get; init; } = 80;

    public decimal DefaultSpendCap { get; init; } = 25m;

    public TimeSpan PacLifetime { get; init; } = TimeSpan.FromDays(30);

    public TimeSpan BleepAckTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public string VoteShortcode { get; init; } = "63333";

    public string ActivationTemplateId { get; init; } = "tpl-sim-activated";

    public string PacTemplateId { get; init; } = "tpl-pac-issued";

    public string UsageAlertTemplateId { get; init; } = "tpl-usage-80";

    public Uri SelfCareUrl { get; init; } = new("https://my.example-mobile.co.uk");
}
