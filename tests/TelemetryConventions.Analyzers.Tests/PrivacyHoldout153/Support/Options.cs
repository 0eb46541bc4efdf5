namespace PrivacyHoldout153.Support;

/// <summary>The group's platform settings the services bind from configuration.</summary>
public sealed class HighStreetOptions
{
    public int RecallMonths { get; init; } = 12;

    public int SightTestIntervalMonths { get; init; } = 24;

    public double FridgeMinCelsius { get; init; } = 2.0;

    public double FridgeMaxCelsius { get; init; } = 8.0;

    public int MaxPacketsPerOrder { get; init; } = 2;

    public string RecallTemplateId { get; init; } = "tpl-dental-recall";

    public string ReferralLetterTemplateId { get; init; } = "tpl-vision-referral";

    public string CollectionReadyTemplateId { get; init; } = "tpl-rx-ready";

    public TimeSpan DeliveryWindow { get; init; } = TimeSpan.FromHours(2);

    public Uri PatientPortalUrl { get; init; } = new("https://my.example-smile.co.uk");
}
