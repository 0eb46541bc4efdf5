using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout58.Media;

public sealed record ViewingProfile(Guid Id, string Name, bool IsKids);

public sealed record Subscriber(Guid Id, string Email, string Country, IReadOnlyList<ViewingProfile> Profiles);

public sealed record PlaybackRequest(Guid SubscriberId, Guid ProfileId, string TitleId, string DeviceClass, string Country);

public sealed record EmailChange(Guid SubscriberId, string NewEmail);

/// <summary>A refusal to play. The code is the playback team's; the message is for the support console.</summary>
public class PlaybackDeniedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

public sealed class GeoBlockedException(string titleId, string country)
    : PlaybackDeniedException("PB-GEO", $"Title {titleId} is not licensed in {country}.");

public sealed class ConcurrencyLimitException(Guid subscriberId, int active, int allowed)
    : PlaybackDeniedException("PB-CONCURRENCY", $"Subscriber {subscriberId} already has {active} of {allowed} streams playing.")
{
    public int Active { get; } = active;

    public int Allowed { get; } = allowed;
}

public sealed class EntitlementMissingException(string email, string titleId)
    : PlaybackDeniedException("PB-ENTITLEMENT", $"{email} has no entitlement to {titleId}.")
{
    public string Email { get; } = email;
}

/// <summary>Argument checks of the playback API, with the framework's argument exceptions.</summary>
public static class PlaybackGuards
{
    private static readonly string[] DeviceClasses = ["tv", "mobile", "web", "console"];

    public static void RequireDeviceClass(string deviceClass)
    {
        if (!DeviceClasses.Contains(deviceClass))
        {
            throw new ArgumentOutOfRangeException(nameof(deviceClass), deviceClass, "Unknown device class.");
        }
    }

    public static ViewingProfile RequireProfile(Subscriber subscriber, Guid profileId) =>
        subscriber.Profiles.FirstOrDefault(p => p.Id == profileId)
        ?? throw new ArgumentOutOfRangeException(nameof(profileId), profileId, "The profile is not on this subscription.");

    public static void RequireEmail(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        if (!email.Contains('@'))
        {
            throw new ArgumentException($"'{email}' is not an email address.", nameof(email));
        }
    }
}

public interface ISubscriberDirectory
{
    Task<Subscriber> GetAsync(Guid subscriberId, CancellationToken cancellationToken);

    Task ChangeEmailAsync(Guid subscriberId, string newEmail, CancellationToken cancellationToken);
}

public interface ILicenseServer
{
    /// <summary>Throws <see cref="GeoBlockedException"/>, <see cref="ConcurrencyLimitException"/> and <see cref="EntitlementMissingException"/>.</summary>
    Task<string> IssueAsync(Subscriber subscriber, ViewingProfile profile, string titleId, CancellationToken cancellationToken);
}
