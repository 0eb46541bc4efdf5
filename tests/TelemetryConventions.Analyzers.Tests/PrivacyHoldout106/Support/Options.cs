namespace PrivacyHoldout106.Support;

/// <summary>The messaging gateway settings every service binds from configuration.</summary>
public sealed class GatewayOptions
{
    /// <summary>The organisation's own sending address (a role address of the organisation).</summary>
    public string FromAddress { get; init; } = "no-reply@messages.example.org";

    /// <summary>The organisation's short code or virtual number that people text.</summary>
    public string ShortCode { get; init; } = "60777";

    public string UnsubscribeBaseUrl { get; init; } = "https://messages.example.org/u";

    public string BounceDomain { get; init; } = "bounces.example.org";

    public int MaxMediaBytes { get; init; } = 5 * 1024 * 1024;

    public TimeSpan ReplyWindow { get; init; } = TimeSpan.FromHours(48);
}

/// <summary>The link-signing key of the unsubscribe and preference links, from the secret store.</summary>
public sealed class LinkSigningKey
{
    public required byte[] Key { get; init; }
}
