namespace PrivacyHoldout38.Media;

public sealed record ViewingProfile
{
    public required Guid ProfileId { get; init; }

    public required string Name { get; init; }

    public bool IsKids { get; init; }

    public string Language { get; init; } = "en-GB";
}

public sealed record Subscriber(Guid SubscriberId, string Email, string Plan, string Country);

/// <summary>The context a player app opens a playback with; the device is the subscriber's own.</summary>
public readonly record struct PlaybackContext(Guid SubscriberId, Guid ProfileId, string DeviceSerial, string DeviceClass);

public sealed class NotEntitledException(string profileName, string titleId)
    : Exception($"Profile '{profileName}' is not entitled to {titleId}");

public sealed class LicenceServerException(string keyId, int status)
    : Exception($"Licence server answered {status} for key {keyId}");

/// <summary>The streaming team's helpers, as C# 14 extension blocks.</summary>
public static class ProfileExtensions
{
    extension(ViewingProfile profile)
    {
        public string Label => profile.IsKids ? $"{profile.Name} (kids)" : profile.Name;

        public string Kind => profile.IsKids ? "kids" : "standard";
    }

    extension(PlaybackContext context)
    {
        public bool IsTelevision => context.DeviceClass is "tv" or "stb";
    }
}
