namespace PrivacyHoldout171.Support;

/// <summary>The rental platform settings the services bind from configuration.</summary>
public sealed class RentalOptions
{
    public string Jurisdiction { get; init; } = "GB";

    public decimal StandardDeposit { get; init; } = 250m;

    public int MaximumPenaltyPoints { get; init; } = 6;

    public int MinimumDriverAge { get; init; } = 21;

    public string DamageNoticeTemplateId { get; init; } = "tpl-damage-notice";

    public bool TraceRenterContacts { get; init; }
}
