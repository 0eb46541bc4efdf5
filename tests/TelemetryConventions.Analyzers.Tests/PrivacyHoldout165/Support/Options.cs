namespace PrivacyHoldout165.Support;

/// <summary>The family history platform settings the services bind from configuration.</summary>
public sealed class GenealogyOptions
{
    public string LabCode { get; init; } = "LAB-01";

    public double MinimumCallRate { get; init; } = 0.98;

    public int MatchThresholdCentimorgans { get; init; } = 20;

    public int KitReturnDays { get; init; } = 60;

    public string ResultsTemplateId { get; init; } = "tpl-results-ready";

    public string ActivationTemplateId { get; init; } = "tpl-kit-activated";

    public Uri PortalUrl { get; init; } = new("https://family.example-dna.com");
}
