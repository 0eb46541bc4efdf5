namespace PrivacyHoldout94.Support;

/// <summary>The contact-hygiene settings every service binds from configuration.</summary>
public sealed class ContactHygieneOptions
{
    public string DefaultRegion { get; init; } = "GB";

    public double AddressAcceptConfidence { get; init; } = 0.85;

    public double MatchThreshold { get; init; } = 0.92;

    public double ReviewThreshold { get; init; } = 0.80;

    public TimeSpan VerificationLifetime { get; init; } = TimeSpan.FromHours(24);

    public Uri VerificationBaseUri { get; init; } = new("https://accounts.example.org/");

    public int MaxSuggestions { get; init; } = 5;
}
