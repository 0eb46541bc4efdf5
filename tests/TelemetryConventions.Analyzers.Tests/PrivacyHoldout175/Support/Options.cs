namespace PrivacyHoldout175.Support;

/// <summary>The festival platform settings the services bind from configuration.</summary>
public sealed class FestivalOptions
{
    public string Jurisdiction { get; init; } = "GB";

    public int LostPropertyRetentionDays { get; init; } = 30;

    public int MaxTicketsPerHolder { get; init; } = 6;

    public string ConfirmationTemplateId { get; init; } = "tpl-ticket-confirmation";

    public int GateOpensHour { get; init; } = 11;
}
