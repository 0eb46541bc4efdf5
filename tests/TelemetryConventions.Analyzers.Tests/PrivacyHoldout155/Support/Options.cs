namespace PrivacyHoldout155.Support;

/// <summary>The border platform settings the services bind from configuration.</summary>
public sealed class BorderOptions
{
    public string HomeOfficeEnvironment { get; init; } = "live";

    public string SponsorLicenceNumber { get; init; } = "KJ7PT3XQ1";

    public int AttendanceMissThreshold { get; init; } = 10;

    public TimeSpan ShareCodeLifetime { get; init; } = TimeSpan.FromDays(90);

    public decimal WeeklyAllowance { get; init; } = 49.18m;

    public decimal TaxFreeMinimumSpend { get; init; } = 30m;

    public string DecisionTemplateId { get; init; } = "tpl-visa-decision";

    public string InvitationTemplateId { get; init; } = "tpl-invitation-letter";

    public Uri CaseworkingUrl { get; init; } = new("https://casework.example.gov.uk");
}
