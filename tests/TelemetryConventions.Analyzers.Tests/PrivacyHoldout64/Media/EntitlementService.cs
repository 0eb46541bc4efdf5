namespace PrivacyHoldout64.Media;

/// <summary>A subscriber's id. The record struct prints <c>SubscriberId { Value = … }</c>.</summary>
public readonly record struct SubscriberId(Guid Value);

public sealed record Subscriber(SubscriberId Id, string Email, string Plan, string Country);

public sealed record ViewingProfile(Guid ProfileId, string Name, bool IsKids);

/// <summary>A playback request. <c>DeviceId</c> is the subscriber's own television or phone.</summary>
public sealed record PlaybackRequest(Subscriber Subscriber, ViewingProfile Profile, string TitleId, string DeviceId, string Territory);

public sealed record Entitlement(string TitleId, string Quality, DateTimeOffset Expires);

/// <summary>Why playback is denied; the code goes to dashboards, the case records print their members.</summary>
public abstract record DenyReason(string Code)
{
    public sealed record NotInTerritory(string TitleId, string Territory) : DenyReason("territory");

    public sealed record TooManyStreams(SubscriberId Subscriber, int Active, int Allowed) : DenyReason("concurrent_streams");

    public sealed record KidsProfile(string ProfileName, string Rating) : DenyReason("maturity");

    public sealed record PlanExcludes(string Plan, string TitleId) : DenyReason("plan");
}

public interface IRightsService
{
    /// <summary>The title's age rating where it is licensed for the territory.</summary>
    Task<Result<string, DenyReason>> RatingIfLicensedAsync(string titleId, string territory, CancellationToken cancellationToken);
}

public interface IStreamRegistry
{
    Task<int> ActiveStreamsAsync(SubscriberId subscriber, CancellationToken cancellationToken);
}

public interface ILicenceServer
{
    /// <summary>Issues a DRM licence. Throws <see cref="LicenceServerException"/> (a key id and a status) or <see cref="ProfileLockedException"/>.</summary>
    Task<string> IssueAsync(Guid profileId, string titleId, string deviceId, CancellationToken cancellationToken);
}

public sealed class LicenceServerException(string keyId, int status) : Exception($"Licence server refused key {keyId} with status {status}");

/// <summary>Thrown when a parent has locked the profile; the message names the profile.</summary>
public sealed class ProfileLockedException(string profileName) : Exception($"Profile '{profileName}' is locked by the account owner");

public sealed class EntitlementService(
    IRightsService rights,
    IStreamRegistry streams,
    ILicenceServer licences,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<EntitlementService> logger)
{
    private static readonly Func<PlaybackRequest, string> DeviceOf = static request => request.DeviceId;
    private static readonly Func<string, string> DeviceClass = static deviceId => deviceId[..4];
    private static readonly Func<PlaybackRequest, string> DeviceClassOf = DeviceOf.Then(DeviceClass);

    public Task<Result<Entitlement, DenyReason>> CheckAsync(PlaybackRequest request, CancellationToken cancellationToken)
    {
        var subscriberRef = pseudonymizer.PseudonymizeEntitlementSubscriberId(request.Subscriber.Id.Value.ToString());
        var span = Activity.Current.EnrichEntitlementCheck(request.TitleId); // clean generated-api
        span.SetEntitlementSubscriberId(subscriberRef).SetEntitlementPlan(request.Subscriber.Plan); // clean precision-pseudonym
        logger.LogDebug("Playback from a {DeviceClass}", DeviceClassOf(request)); // clean precision-about
        logger.LogDebug("Playback from device {Device}", DeviceOf(request)); // leak TC1001 cross-member

        return rights.RatingIfLicensedAsync(request.TitleId, request.Territory, cancellationToken)
            .Ensure(rating => !request.Profile.IsKids || rating is "U" or "PG", rating => new DenyReason.KidsProfile(request.Profile.Name, rating))
            .BindAsync(rating => WithinStreamLimitAsync(request, cancellationToken))
            .Tap(granted => span.SetEntitlementDecision(EntitlementDecision.Granted)) // clean generated-api
            .Tap(granted => logger.LogInformation("Granted {Entitlement}", granted)) // clean logging-objects
            .OnFailure(reason => span.SetEntitlementDecision(EntitlementDecision.Denied).SetEntitlementReason(reason.Code)) // clean generated-api
            .OnFailure(reason => logger.LogEntitlementDeniedEvent(request.TitleId, reason.Code, subscriberRef, reason.ToString())) // leak TC1001 generated-api
            .OnFailure(reason => logger.LogInformation($"Denied {request.Profile.Name} ({request.Subscriber.Plan}): {reason.Code}")) // leak TC1001 strings
            .OnFailure(reason => meter.CreateEntitlementChecksCounter().Add(1, request.Subscriber.Plan, EntitlementDecision.Denied, reason.Code)); // clean precision-about
    }

    private async Task<Result<Entitlement, DenyReason>> WithinStreamLimitAsync(PlaybackRequest request, CancellationToken cancellationToken)
    {
        var allowed = request.Subscriber.Plan switch { "premium" => 4, "standard" => 2, _ => 1 };
        var active = await streams.ActiveStreamsAsync(request.Subscriber.Id, cancellationToken);
        return active < allowed
            ? new Entitlement(request.TitleId, allowed > 1 ? "hd" : "sd", DateTimeOffset.UtcNow.AddHours(4))
            : new DenyReason.TooManyStreams(request.Subscriber.Id, active, allowed);
    }

    public async Task<Result<string, Error>> LicenceAsync(PlaybackRequest request, CancellationToken cancellationToken)
    {
        var span = new EntitlementCheckSpan(Activity.Current);
        var licence = await Result.TryAsync(() => licences.IssueAsync(request.Profile.ProfileId, request.TitleId, request.DeviceId, cancellationToken));
        licence.OnFailure(error => span.SetStatus(ActivityStatusCode.Error, error.Message)); // leak TC1001 exceptions
        licence.OnFailure(error => span.SetStatus(ActivityStatusCode.Error, error.Code)); // clean exceptions
        licence.OnFailure(error => logger.LogWarning("Licence refused for {ProfileKind} profile: {Code}", request.Profile.IsKids ? "kids" : "adult", error.Code)); // clean precision-about
        return licence;
    }
}
