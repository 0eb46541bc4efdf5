namespace PrivacyHoldout199.Support;

/// <summary>Settings the agency's services read from configuration.</summary>
public sealed class AgencyOptions
{
    public string Region { get; init; } = "uk-south";

    public string BrandCode { get; init; } = "TALENTBRIDGE";

    public int ShortlistSize { get; init; } = 5;

    public int ReferenceChaseDays { get; init; } = 3;

    public decimal MaxTimesheetHours { get; init; } = 60m;
}
