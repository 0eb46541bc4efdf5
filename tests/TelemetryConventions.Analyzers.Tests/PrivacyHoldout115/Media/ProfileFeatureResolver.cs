using OpenFeature;
using OpenFeature.Error;
using OpenFeature.Model;

namespace PrivacyHoldout115.Media;

public sealed class EntitlementFlagException(Guid subscriberId, string flagKey)
    : Exception($"Subscriber {subscriberId} is not entitled to the features behind '{flagKey}'")
{
    public string FlagKey { get; } = flagKey;
}

/// <summary>
/// The team's OpenFeature hook on the streaming apps' backend: puts each evaluation on the trace and
/// logs failures. Every evaluation's targeting key is the viewing profile's id.
/// </summary>
public sealed class ProfileFeatureTracingHook(Pseudonymizer pseudonymizer, ILogger<ProfileFeatureTracingHook> logger) : Hook
{
    public override ValueTask AfterAsync<T>(HookContext<T> context, FlagEvaluationDetails<T> details, IReadOnlyDictionary<string, object>? hints = null, CancellationToken cancellationToken = default)
    {
        var activity = Activity.Current;
        activity?.AddEvent(new ActivityEvent("feature_flag.evaluation", tags: new ActivityTagsCollection
        {
            ["feature_flag.key"] = details.FlagKey, // clean precision-names
            ["feature_flag.variant"] = details.Variant, // clean precision-names
            ["feature_flag.provider.name"] = context.ProviderMetadata.Name, // clean precision-names
            ["feature_flag.context.id"] = context.EvaluationContext.TargetingKey, // leak TC1001 direct
        }));
        if (context.EvaluationContext.TargetingKey is { } key)
        {
            activity?.SetTag("feature_flag.context.pseudonym", pseudonymizer.ComputeMediaflagSubjectId(key)); // clean precision-pseudonym
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask ErrorAsync<T>(HookContext<T> context, Exception error, IReadOnlyDictionary<string, object>? hints = null, CancellationToken cancellationToken = default)
    {
        logger.LogWarning(error, "Flag {Flag} failed for {Profile}", context.FlagKey, context.EvaluationContext.TargetingKey); // leak TC1001 direct
        Activity.Current?.AddException(error); // clean exceptions
        return ValueTask.CompletedTask;
    }
}

/// <summary>Resolves the features a viewing profile sees on the home screen (downloads, the new player).</summary>
public sealed class ProfileFeatureResolver(IFeatureClient flags, ILogger<ProfileFeatureResolver> logger)
{
    public async Task<bool> DownloadsEnabledAsync(Guid subscriberId, Guid profileId, string plan, bool isKidsProfile, CancellationToken ct)
    {
        var context = EvaluationContext.Builder()
            .SetTargetingKey(profileId.ToString())
            .Set("plan", plan)
            .Set("kids", isKidsProfile)
            .Build();
        try
        {
            var enabled = await flags.GetBooleanValueAsync("downloads", false, context, ct);
            if (enabled && plan == "basic-with-ads")
            {
                throw new EntitlementFlagException(subscriberId, "downloads");
            }
            Activity.Current?.SetTag("downloads.kids_profile", isKidsProfile); // clean precision-about
            return enabled;
        }
        catch (EntitlementFlagException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Entitlement mismatch on {Flag}: {Type}", ex.FlagKey, ex.GetType().Name); // clean exceptions
            return false;
        }
        catch (TargetingKeyMissingException ex)
        {
            logger.LogError(ex, "Downloads flag evaluated without a profile"); // clean exceptions
            return false;
        }
    }

    public async Task<string> PlayerVersionAsync(Guid profileId, string deviceClass, CancellationToken ct)
    {
        var context = EvaluationContext.Builder().SetTargetingKey(profileId.ToString()).Set("deviceClass", deviceClass).Build();
        var details = await flags.GetStringDetailsAsync("player-version", "v4", context, ct);
        if (details.ErrorType != ErrorType.None)
        {
            logger.LogWarning("player-version fell back to {Value}: {ErrorType} {ErrorMessage}", details.Value, details.ErrorType, details.ErrorMessage); // clean exceptions
        }
        logger.LogDebug("player-version {Details}", details); // clean logging-objects
        return details.Value;
    }
}

/// <summary>Lists the named profiles the trust and safety team pinned to the strict-moderation variant of comments.</summary>
public sealed class PinnedProfileReport(IFlagStore store, ILogger<PinnedProfileReport> logger)
{
    private readonly Dictionary<Guid, string> _profileNames = new();

    public void Remember(Guid profileId, string profileName) => _profileNames[profileId] = profileName;

    public async Task ReportAsync(CancellationToken ct)
    {
        var pinned = await store.GetOverridesAsync("comments-strict-moderation", ct);
        var names = pinned.Select(o => _profileNames.GetValueOrDefault(Guid.Parse(o.SubjectKey), "?")).ToList();
        logger.LogInformation("Pinned to strict moderation: {Profiles}", names); // leak TC1001 cross-member
        logger.LogInformation("{Count} profiles pinned, {Named} with a known name", pinned.Count, names.Count(n => n != "?")); // clean precision-about
        var summary = new StringBuilder();
        foreach (var o in pinned)
        {
            summary.Append(o.SubjectKey).Append('=').Append(o.Variant).Append(';');
        }
        Activity.Current?.SetTag("moderation.pinned", summary.ToString()); // leak TC1001 strings
        Activity.Current?.SetTag("moderation.variants", string.Join(";", pinned.GroupBy(o => o.Variant).Select(g => $"{g.Key}={g.Count()}"))); // clean strings
    }
}
