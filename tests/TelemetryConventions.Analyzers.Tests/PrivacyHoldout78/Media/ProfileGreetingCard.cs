namespace PrivacyHoldout78.Media;

/// <summary>
/// The "Who's watching?" screen and the welcome card after a profile is picked ("Welcome back,
/// Sam"). Kids profiles get the kids theme and no name on shared screens.
/// </summary>
public sealed class ProfileGreetingCard(IStringLocalizer<ProfileGreetingCard> localizer, ActivitySource source, ILogger<ProfileGreetingCard> logger)
{
    private ViewingProfile? _current;

    public IReadOnlyList<string> WhoIsWatching(IReadOnlyList<ViewingProfile> household)
    {
        var activity = Activity.Current;
        activity?.SetTag("profiles.count", household.Count); // clean precision-about
        activity?.SetTag("profiles.kids", household.Count(p => p.Kids));
        activity?.SetTag("profiles.names", string.Join(",", household.Select(p => p.ProfileName))); // leak TC1001 direct
        logger.LogDebug("Who's watching for subscriber {SubscriberId}", household[0].SubscriberId); // leak TC1001 direct
        return household.Select(p => p.Kids ? localizer["Profile.Kids"].Value : p.ProfileName).ToList();
    }

    public string Welcome(ViewingProfile picked)
    {
        _current = picked;
        using var span = source.StartStreamcopyRender("profile.welcome");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(picked.Culture);
        var welcome = picked.Kids ? localizer["Welcome.Kids"] : localizer["Welcome.Back", picked.ProfileName];
        span.Activity?.SetTag("welcome.key", welcome.Name); // clean precision-about
        span.SetStreamcopyMessageSubject(welcome.Value); // leak TC1001 generated-api
        return welcome.Value;
    }

    public void OnPlaybackError(string titleId, Exception error)
    {
        Activity.Current?.SetStatus(ActivityStatusCode.Error, $"playback of {titleId} failed: {error.GetType().Name}"); // clean exceptions
        logger.LogError("Playback of {TitleId} failed for {Profile}", titleId, _current); // leak TC1001 cross-member
    }
}
