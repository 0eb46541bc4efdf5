namespace PrivacyHoldout67.Media;

/// <summary>A play request. <c>DeviceId</c> is the subscriber's own device (a phone or a TV stick).</summary>
public sealed record PlaybackRequest(Guid SubscriberId, string ProfileId, string ProfileName, string Email, string DeviceId, string DeviceClass, string ClientIp, string SubscriberPlan);

public sealed record LicenceGrant(string KeyId, string DrmSystem, TimeSpan Lifetime);

/// <summary>The licence server refused a key; the message names the key id and the status.</summary>
public sealed class LicenceDeniedException(string keyId, int status) : Exception($"Licence for key {keyId} denied ({status})");

/// <summary>Too many streams; the account service's message names the account's email.</summary>
public sealed class StreamLimitException(string email, int active) : Exception($"Account {email} already has {active} active streams");

internal static class PlaybackTracing
{
    public static readonly ActivitySource Api = new("Streaming.Playback.Api");
    public static readonly ActivitySource Drm = new("Streaming.Playback.Drm");
    public static readonly Meter Meter = new("Streaming.Playback");
}

public static class PlaybackEndpoints
{
    public static void Map(EndpointRoutes routes) => routes.MapPost("/titles/{titleId}/play", PlayAsync);

    private static async Task<ActionResult> PlayAsync(string titleId, PlaybackRequest request, PlaybackAuthorizer authorizer, Pseudonymizer pseudonymizer)
    {
        if (Activity.Current is { } server)
        {
            server.DisplayName = $"POST /titles/{titleId}/play"; // clean strings
        }
        Baggage.SetBaggage("subscriber.ref", pseudonymizer.ComputePlaybackSubscriberId(request.SubscriberId.ToString())); // clean precision-pseudonym
        Baggage.SetBaggage("device.class", request.DeviceClass); // clean direct
        Baggage.SetBaggage("device.id", request.DeviceId); // leak TC1001 direct
        var url = await authorizer.AuthorizeAsync(titleId, request, CancellationToken.None);
        return url is null ? new BadRequestResult("not entitled") : new OkResult(url);
    }
}

/// <summary>Entitlement, licence and CDN token for one play request.</summary>
public sealed class PlaybackAuthorizer(LicenceClient licences, ICdnSigner cdn, Pseudonymizer pseudonymizer, ILogger<PlaybackAuthorizer> logger)
{
    private static readonly Counter<long> ProfileStarts = PlaybackTracing.Meter.CreateCounter<long>("playback.profile.starts");
    private readonly PlaybackSessionsAuthorizedCounter _authorized = PlaybackTracing.Meter.CreatePlaybackSessionsAuthorizedCounter();

    public async Task<string?> AuthorizeAsync(string titleId, PlaybackRequest request, CancellationToken ct)
    {
        using var span = PlaybackTracing.Api.StartPlaybackSessionAuthorize(titleId) // clean generated-api
            .SetPlaybackSubscriberId(pseudonymizer.PseudonymizePlaybackSubscriberId(request.SubscriberId.ToString())); // clean precision-pseudonym
        span.SetPlaybackNote($"profile {request.ProfileName} on {request.DeviceClass}"); // leak TC1001 generated-api
        span.Activity?.SetTag("playback.plan", request.SubscriberPlan); // clean precision-names
        ProfileStarts.Add(1, new KeyValuePair<string, object?>("plan", request.SubscriberPlan), new("device.class", request.DeviceClass)); // clean precision-about
        ProfileStarts.Add(1, new KeyValuePair<string, object?>("profile", request.ProfileName)); // leak TC1003 direct

        try
        {
            var grant = await licences.AcquireAsync(titleId, request, ct);
            span.SetPlaybackStage("licensed").SetPlaybackOutcome(grant.DrmSystem); // clean generated-api
            logger.LogDebug("Licence {Grant}", grant); // clean logging-objects
        }
        catch (StreamLimitException ex)
        {
            span.RecordException(ex, "stream limit", includeMessage: true); // leak TC1001 exceptions
            span.Activity?.AddPlaybackLicenceDeniedEvent(titleId, "stream-limit", pseudonymizer.PseudonymizePlaybackSubscriberId(request.SubscriberId.ToString())); // clean generated-api
            _authorized.Add(1, "licence", "stream-limit"); // clean generated-api
            return null;
        }
        catch (LicenceDeniedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogPlaybackLicenceDeniedEvent(titleId, "denied", playbackNote: ex.Message); // clean generated-api
            return null;
        }

        var signedUrl = cdn.Sign(titleId, request.SubscriberId, TimeSpan.FromHours(4));
        span.Activity?.SetTag("cdn.host", new Uri(signedUrl).Host); // clean precision-about
        span.Activity?.SetTag("cdn.url", signedUrl); // leak TC1001 strings
        logger.LogInformation("Authorised {Title} for {Subscriber}", titleId, request.SubscriberId); // leak TC1001 direct
        _authorized.Add(1, "signed", "ok");
        return signedUrl;
    }
}

/// <summary>Signs CDN URLs with a token issued to the subscriber.</summary>
public interface ICdnSigner
{
    string Sign(string titleId, Guid subscriberId, TimeSpan lifetime);
}

/// <summary>Calls the DRM licence server; the client span is started in a helper from the request.</summary>
public sealed class LicenceClient(HttpClient http)
{
    public async Task<LicenceGrant> AcquireAsync(string titleId, PlaybackRequest request, CancellationToken ct)
    {
        var keyId = $"{titleId}:hd";
        using var activity = StartLicenceCall(keyId, request); // leak TC1001 cross-member
        using var message = new HttpRequestMessage(HttpMethod.Post, $"licences/{keyId}");
        Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(activity?.Context ?? default, Baggage.Current), message, static (m, k, v) => m.Headers.TryAddWithoutValidation(k, v));
        using var response = await http.SendAsync(message, ct);
        activity?.SetTag("http.response.status_code", (int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            throw new LicenceDeniedException(keyId, (int)response.StatusCode);
        }
        return new LicenceGrant(keyId, "widevine", TimeSpan.FromHours(4));
    }

    private static Activity? StartLicenceCall(string keyId, PlaybackRequest request)
    {
        var activity = PlaybackTracing.Drm.StartActivity($"licence {keyId}", ActivityKind.Client); // clean strings
        activity?.SetTag("drm.key_id", keyId);
        activity?.SetTag("client.address", request.ClientIp); // leak TC1001 direct
        activity?.SetTag("device.class", request.DeviceClass); // clean precision-about
        return activity;
    }
}
