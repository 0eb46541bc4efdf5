namespace PrivacyHoldout77.Media;

public sealed record ViewingProfileDto(Guid ProfileId, string Name, string Maturity, string Language, bool Kids);

public sealed record CreateProfileRequest(string Name, string Maturity, string Language, string? Pin);

/// <summary>The profile service, called by the API gateway's aggregation endpoints.</summary>
public interface IProfileServiceApi
{
    [Get("/subscribers/{subscriberId}/profiles")]
    Task<IReadOnlyList<ViewingProfileDto>> ListAsync(Guid subscriberId, CancellationToken cancellationToken);

    [Post("/subscribers/{subscriberId}/profiles")]
    Task<ViewingProfileDto> CreateAsync(Guid subscriberId, [Body] CreateProfileRequest request, [Header("Idempotency-Key")] Guid idempotencyKey, CancellationToken cancellationToken);
}

public sealed class ProfileAggregation(IProfileServiceApi profiles, ILogger<ProfileAggregation> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private readonly Counter<long> _clientErrors = meter.CreateCounter<long>("playapi.profile_client.errors", "{call}");
    private readonly Counter<long> _created = meter.CreateCounter<long>("playapi.profiles.created", "{profile}");

    public async Task<IReadOnlyList<ViewingProfileDto>> ListAsync(Guid subscriberId, CancellationToken cancellationToken)
    {
        try
        {
            var list = await profiles.ListAsync(subscriberId, cancellationToken);
            logger.LogDebug("Profiles {Maturities}", string.Join(",", list.Select(p => p.Maturity))); // clean precision-about
            logger.LogDebug("Profiles {Profiles}", list); // leak TC1001 logging-objects
            logger.LogDebug("Kids profiles {Kids} of {Count}", list.Count(p => p.Kids), list.Count); // clean precision-about
            return list;
        }
        catch (ApiException ex)
        {
            _clientErrors.Add(1, new TagList { { "operation", "list" }, { "status", (int)ex.StatusCode }, { "path", ex.Uri?.AbsolutePath } }); // leak TC1003 strings
            logger.LogWarning(ex, "Profile service failed for {Subscriber}", pseudonymizer.ComputePlayapiSubscriberId(subscriberId.ToString())); // clean precision-pseudonym
            throw;
        }
    }

    public async Task<ViewingProfileDto?> CreateAsync(Guid subscriberId, CreateProfileRequest request, CancellationToken cancellationToken)
    {
        var idempotencyKey = Guid.NewGuid();
        Activity.Current?.SetTag("playapi.idempotency_key", idempotencyKey); // clean precision-about
        Activity.Current?.SetTag("playapi.profile.has_pin", request.Pin is not null); // clean precision-about
        try
        {
            var created = await profiles.CreateAsync(subscriberId, request, idempotencyKey, cancellationToken);
            _created.Add(1, new TagList { { "maturity", created.Maturity }, { "kids", created.Kids } }); // clean precision-about
            Activity.Current?.SetTag("playapi.profile.id", created.ProfileId); // leak TC1001 direct
            return created;
        }
        catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            logger.LogInformation("Profile create conflict {Status} {Reason}", (int)ex.StatusCode, ex.ReasonPhrase); // clean exceptions
            logger.LogInformation("Profile name already used: {Request}", request); // leak TC1001 logging-objects
            return null;
        }
        catch (ApiException ex)
        {
            logger.LogError("Profile create failed: {Error}", ex.ToString()); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, $"{ex.HttpMethod} {ex.Uri} -> {(int)ex.StatusCode}"); // leak TC1001 strings
            return null;
        }
    }
}
