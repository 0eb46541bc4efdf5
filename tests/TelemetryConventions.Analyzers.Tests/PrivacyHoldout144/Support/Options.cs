namespace PrivacyHoldout144.Support;

/// <summary>The culture platform settings the services bind from configuration.</summary>
public sealed class CultureHubOptions
{
    public string OrganisationCode { get; init; } = "CHB";

    public int MaxLoans { get; init; } = 12;

    public int LoanDays { get; init; } = 21;

    public decimal DailyFine { get; init; } = 0.25m;

    public decimal FineCap { get; init; } = 8.00m;

    public int HoldShelfDays { get; init; } = 7;

    public int MaxProductionsPerDay { get; init; } = 10;

    public TimeSpan SlotLength { get; init; } = TimeSpan.FromMinutes(30);

    public string OverdueTemplateId { get; init; } = "tpl-overdue-notice";

    public string HoldReadyTemplateId { get; init; } = "tpl-hold-ready";

    public string RenewalTemplateId { get; init; } = "tpl-membership-renewal";

    public string OfferAcknowledgementTemplateId { get; init; } = "tpl-offer-received";

    public Uri CataloguePortalUrl { get; init; } = new("https://catalogue.example.org");
}
