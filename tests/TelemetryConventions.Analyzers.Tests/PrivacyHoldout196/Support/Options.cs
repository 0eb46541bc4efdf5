namespace PrivacyHoldout196.Support;

/// <summary>Settings every fostering and adoption service reads from its configuration.</summary>
public sealed class FosteringOptions
{
    public string AgencyCode { get; init; } = "IFA-014";

    public string Region { get; init; } = "north-west";

    public int MaxChildrenPerHousehold { get; init; } = 3;

    public int PanelQuorum { get; init; } = 5;

    public TimeSpan DbsTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
