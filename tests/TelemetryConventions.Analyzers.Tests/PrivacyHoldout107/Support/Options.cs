namespace PrivacyHoldout107.Support;

/// <summary>The CRM and marketing settings every service binds from configuration.</summary>
public sealed class CrmSyncOptions
{
    public Uri OrganisationUrl { get; init; } = new("https://org.crm.example.org");

    public int BatchSize { get; init; } = 200;

    public int MqlThreshold { get; init; } = 60;

    public string PreferenceCentreBaseUrl { get; init; } = "https://preferences.example.org";

    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromDays(30);
}
