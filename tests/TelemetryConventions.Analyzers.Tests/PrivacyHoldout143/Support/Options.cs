namespace PrivacyHoldout143.Support;

/// <summary>The pet care platform settings the services bind from configuration.</summary>
public sealed class PetCareOptions
{
    public string PracticeGroup { get; init; } = "PCG";

    public int MaxRepeatsWithoutCheck { get; init; } = 6;

    public TimeSpan ReminderLeadTime { get; init; } = TimeSpan.FromDays(14);

    public TimeSpan WardPassLifetime { get; init; } = TimeSpan.FromDays(365);

    public int MaxDogsPerWalker { get; init; } = 4;

    public string VaccinationReminderTemplateId { get; init; } = "tpl-vacc-reminder";

    public string RepeatReadyTemplateId { get; init; } = "tpl-repeat-ready";

    public string LostPetAlertTemplateId { get; init; } = "tpl-lost-pet-alert";

    public string ChipDatabase { get; init; } = "petlog";

    public Uri OwnerPortalUrl { get; init; } = new("https://owners.example.org");
}
