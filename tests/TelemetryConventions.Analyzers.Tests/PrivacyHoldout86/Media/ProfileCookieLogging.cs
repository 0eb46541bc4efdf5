namespace PrivacyHoldout86.Media;

/// <summary>
/// Logs the cookies of requests to the web player. <c>vw_profile</c> holds the viewing profile id the
/// household last picked, <c>vw_consent</c> the cookie banner's choices and <c>vw_ab</c> the A/B arm.
/// </summary>
public sealed class ProfileCookieLogging(ILogger<ProfileCookieLogging> logger)
{
    public void Log(HttpContext context)
    {
        var cookies = context.Request.Cookies;
        logger.LogDebug("Player cookies {Cookies}", cookies); // leak TC1001 logging-objects
        logger.LogDebug("Player cookie header {Header}", context.Request.Headers.GetValueOrDefault("Cookie")); // leak TC1001 direct
        logger.LogDebug("Player cookies {Names} ({Count})", string.Join(",", cookies.Keys), cookies.Count); // clean precision-names
        Activity.Current?.SetTag("player.ab_arm", cookies.GetValueOrDefault("vw_ab")); // clean precision-about
        Activity.Current?.SetTag("player.profile", cookies.GetValueOrDefault("vw_profile")); // leak TC1001 direct
        var remembered = cookies.Where(c => c.Key.StartsWith("vw_", StringComparison.Ordinal)).Select(c => $"{c.Key}:{c.Value}").ToArray();
        Activity.Current?.AddEvent(new ActivityEvent("player.cookies", tags: new ActivityTagsCollection { ["cookies"] = remembered })); // leak TC1001 strings
    }
}
