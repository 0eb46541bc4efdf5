namespace PrivacyHoldout147.Support;

/// <summary>The bank platform settings the services bind from configuration.</summary>
public sealed class BankOptions
{
    public string BankSortCode { get; init; } = "04-00-75";

    public string FraudLineNumber { get; init; } = "+44 20 7946 0999";

    public int KycRefreshMonths { get; init; } = 36;

    public decimal MaxSalaryAdvance { get; init; } = 300m;

    public decimal StudentOverdraftLimit { get; init; } = 2000m;

    public decimal DailyFareCap { get; init; } = 8.10m;

    public int DisputeWindowDays { get; init; } = 120;

    public string WelcomeTemplateId { get; init; } = "tpl-account-opened";

    public string ScamWarningTemplateId { get; init; } = "tpl-scam-warning";

    public string FreezeTemplateId { get; init; } = "tpl-card-frozen";

    public Uri AppUrl { get; init; } = new("https://app.example-bank.co.uk");
}
