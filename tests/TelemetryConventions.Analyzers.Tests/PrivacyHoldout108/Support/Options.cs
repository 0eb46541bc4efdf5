namespace PrivacyHoldout108.Support;

/// <summary>The e-signature settings every service binds from configuration.</summary>
public sealed class SigningOptions
{
    public string AccountId { get; init; } = "a1b2c3d4-0000-4000-8000-000000000001";

    public string ReturnUrlBase { get; init; } = "https://forms.example.org/signed";

    public string ConnectSecret { get; init; } = string.Empty;

    public int ReminderDelayDays { get; init; } = 2;

    public int ReminderFrequencyDays { get; init; } = 3;

    public int ExpireAfterDays { get; init; } = 30;

    public string TimestampAuthorityUrl { get; init; } = "https://tsa.example.net/rfc3161";
}
