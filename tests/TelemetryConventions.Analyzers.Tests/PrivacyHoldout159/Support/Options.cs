namespace PrivacyHoldout159.Support;

/// <summary>The council platform settings the services bind from configuration.</summary>
public sealed class CouncilOptions
{
    public string CouncilCode { get; init; } = "E07000123";

    public string ElectionId { get; init; } = "local.2026-05-07";

    public DateOnly RegistrationDeadline { get; init; } = new(2026, 4, 16);

    public int MaxProxiesPerPerson { get; init; } = 4;

    public string ConfirmationTemplateId { get; init; } = "tpl-registration-confirmed";

    public string PollCardTemplateId { get; init; } = "tpl-poll-card";
}
