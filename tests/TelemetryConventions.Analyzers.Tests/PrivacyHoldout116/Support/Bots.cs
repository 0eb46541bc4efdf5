namespace AbuseKit.Bots;

// Bot detection as an edge network hands it to the origin (in the shape of Cloudflare's bot management
// fields: a score, whether the bot is a verified one, the JA3/JA4 fingerprints of the TLS client, the
// detection ids) and the services' own user-agent parsing. Only the shapes matter.

public sealed record BotManagement(int Score, bool VerifiedBot, string? Ja3Hash, string? Ja4, IReadOnlyList<int> DetectionIds, bool StaticResource)
{
    public static BotManagement FromHeaders(IDictionary<string, string> headers) =>
        new(
            headers.TryGetValue("cf-bot-score", out var score) ? int.Parse(score, CultureInfo.InvariantCulture) : 99,
            headers.TryGetValue("cf-verified-bot", out var verified) && verified == "true",
            headers.TryGetValue("cf-ja3-hash", out var ja3) ? ja3 : null,
            headers.TryGetValue("cf-ja4", out var ja4) ? ja4 : null,
            Array.Empty<int>(),
            false);
}

public sealed record UserAgentInfo(string Family, string Major, string Os, string DeviceClass, bool IsKnownCrawler)
{
    public static UserAgentInfo Parse(string userAgent) =>
        new("Other", "0", "Other", userAgent.Contains("Mobile", StringComparison.Ordinal) ? "mobile" : "desktop",
            userAgent.Contains("bot", StringComparison.OrdinalIgnoreCase));
}

/// <summary>The verdict the services' bot filter reaches for a request.</summary>
public enum BotDecision
{
    Human,
    VerifiedBot,
    LikelyAutomated,
    Automated,
}

/// <summary>A device fingerprint as a browser fingerprinting agent returns it (a visitor id per browser).</summary>
public sealed record DeviceFingerprint(string VisitorId, double Confidence, bool Incognito, string BrowserName, string Os);
