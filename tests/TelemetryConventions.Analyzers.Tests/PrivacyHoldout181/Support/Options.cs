namespace PrivacyHoldout181.Support;

/// <summary>The removals platform settings the services bind from configuration.</summary>
public sealed class RemovalsOptions
{
    public string Depot { get; init; } = "DEP-01";

    public int MaxCrewSize { get; init; } = 6;

    public int AccessCodeDigits { get; init; } = 6;

    public string SurveyTemplateId { get; init; } = "tpl-survey-v3";

    public int FreeStorageWeeks { get; init; } = 2;

    public bool TraceCustomerIds { get; init; }
}
