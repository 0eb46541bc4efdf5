namespace PrivacyHoldout164.Support;

/// <summary>The university platform settings the services bind from configuration.</summary>
public sealed class CampusOptions
{
    public string InstitutionCode { get; init; } = "L23";

    public string CurrentCycle { get; init; } = "2026";

    public int MaxGuestsPerGraduand { get; init; } = 2;

    public decimal FeesThreshold { get; init; } = 0m;

    public int CounsellingTargetDays { get; init; } = 10;

    public string OfferTemplateId { get; init; } = "tpl-offer-letter";

    public string MoveInTemplateId { get; init; } = "tpl-move-in";

    public Uri PortalUrl { get; init; } = new("https://portal.example-uni.ac.uk");
}
