using System;

namespace PrivacyHoldout27.Media;

/// <summary>The streaming brand (tenant) the request came through. Scoped.</summary>
public sealed class BrandContext
{
    public string Brand { get; set; } = string.Empty;

    public string Plan { get; set; } = string.Empty;

    public string Territory { get; set; } = string.Empty;
}

/// <summary>The subscriber and the viewing profile of the request. Scoped, filled from the token.</summary>
public sealed class ViewerContext
{
    public Guid SubscriberId { get; set; }

    public string ProfileId { get; set; } = string.Empty;

    public string ProfileName { get; set; } = string.Empty;

    public bool KidsProfile { get; set; }

    /// <summary>The subscriber's pseudonym, computed with the generated helper.</summary>
    public string SubscriberRef { get; set; } = string.Empty;
}

public sealed record PlaybackSession(Guid SessionId, string Brand, string TitleId, string ProfileId, int Bitrate, string Cdn, string DeviceClass);

public sealed class ProfileLockedException(string profileName)
    : Exception($"Profile '{profileName}' is locked by parental controls");

public sealed class LicenceServerException(string keyId, int status)
    : Exception($"Licence server answered {status} for key {keyId}");
