using System.Diagnostics;
using System.Security.Claims;
using GreenDonut;
using HotChocolate;
using HotChocolate.Types;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout19.Media;

public sealed class TitleByIdDataLoader(ICatalog catalog, ILogger<TitleByIdDataLoader> logger, IBatchScheduler scheduler)
    : BatchDataLoader<string, Title>(scheduler)
{
    protected override async Task<IReadOnlyDictionary<string, Title>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("catalog.titles.requested", string.Join(",", keys)); // clean strings
        var titles = await catalog.ByIdsAsync(keys, cancellationToken);
        logger.LogDebug("Loaded {Found} of {Requested} titles", titles.Count, keys.Count); // clean precision-about
        return titles.ToDictionary(t => t.Id);
    }
}

public sealed class ProfileByIdDataLoader(IProfiles profiles, ILogger<ProfileByIdDataLoader> logger, IBatchScheduler scheduler)
    : BatchDataLoader<Guid, ViewingProfile>(scheduler)
{
    protected override async Task<IReadOnlyDictionary<Guid, ViewingProfile>> LoadBatchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        logger.LogDebug("Loading viewing profiles {ProfileIds}", keys); // leak TC1001 logging-objects
        var found = new Dictionary<Guid, ViewingProfile>();
        foreach (var key in keys)
        {
            if (await profiles.FindAsync(key, cancellationToken) is { } profile)
            {
                found[key] = profile;
            }
        }

        return found;
    }
}

[QueryType]
public sealed class ProfileQueries
{
    public async Task<ViewingProfile> GetProfileAsync(Guid profileId, ClaimsPrincipal viewer, [Service] IProfiles profiles, ILogger<ProfileQueries> logger, CancellationToken cancellationToken)
    {
        logger.LogDebug("Resolving viewing profile {ProfileId}", profileId); // leak TC1001 direct
        var profile = await profiles.FindAsync(profileId, cancellationToken) ?? throw new GraphQLException("Profile not found.");
        if (profile.IsKids && viewer.FindFirst("parental_pin_ok")?.Value != "true")
        {
            throw new ProfileLockedException(profile);
        }

        return profile;
    }
}

[ExtendObjectType<ViewingProfile>]
public sealed class ViewingProfileExtensions
{
    public async Task<IReadOnlyList<Title?>> GetRecommendationsAsync([Parent] ViewingProfile profile, TitleByIdDataLoader titles, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("recs.seed.title", profile.LastWatchedTitleId); // clean precision-about
        activity?.SetTag("recs.profile.kids", profile.IsKids); // clean precision-about
        activity?.SetTag("recs.profile.name", profile.Name); // leak TC1001 direct
        string[] candidates = profile.LastWatchedTitleId is { } seed ? [seed, "t-1001", "t-2002"] : ["t-1001", "t-2002"];
        return await titles.LoadAsync(candidates, cancellationToken);
    }
}
