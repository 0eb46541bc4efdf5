namespace PrivacyHoldout146.Support;

/// <summary>The life events platform settings the services bind from configuration.</summary>
public sealed class LifeEventsOptions
{
    public string Site { get; init; } = "royal-infirmary";

    public string Region { get; init; } = "north-west";

    public string Realm { get; init; } = "eu-silverpine";

    public string Station { get; init; } = "radio-north";

    public string Depot { get; init; } = "depot-east";

    public int ReleaseTargetHours { get; init; } = 48;

    public int GuestTicketsPerGraduand { get; init; } = 2;

    public int MaxDedicationLength { get; init; } = 280;

    public TimeSpan ObituaryEmbargo { get; init; } = TimeSpan.FromHours(6);

    public string CondolenceTemplateId { get; init; } = "tpl-condolence-received";

    public string ThankYouTemplateId { get; init; } = "tpl-thank-you-export";

    public string KinLetterTemplateId { get; init; } = "tpl-kin-letter";

    public Uri BereavementGuideUrl { get; init; } = new("https://example-nhs.uk/bereavement");
}
