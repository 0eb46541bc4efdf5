namespace PrivacyHoldout195.Support;

/// <summary>Settings shared by the fertility services.</summary>
public sealed class FertilityServiceOptions
{
    public string SiteCode { get; init; } = "LON-IVF-01";

    public string Region { get; init; } = "london";

    public int StorageReminderDays { get; init; } = 90;

    public int MaxFamiliesPerDonor { get; init; } = 10;
}

/// <summary>The identifier spaces the services pseudonymise by hand.</summary>
public static class IdentifierSpaces
{
    public const string Donor = "donor";

    public const string Patient = "patient";

    public const string Staff = "staff";
}
