namespace PrivacyHoldout111.Education;

/// <summary>
/// The learner portal: a guardian signs in and acts for one of their children; the child is kept in session and
/// pages are output-cached per child, with tags so a regrade evicts them.
/// </summary>
public sealed class LearnerPortalState(IOutputCacheStore outputCache, Pseudonymizer pseudonymizer, ILogger<LearnerPortalState> logger)
{
    private static readonly ActivitySource Source = new("Trust.Learner.Portal");

    public void ActFor(StateHttpContext http, string guardianEmail, string studentNumber, string term)
    {
        http.Session.SetString("ActingForStudent", studentNumber);
        http.Session.SetString("GuardianEmail", guardianEmail);
        http.Session.SetString("Term", term);
        http.Response.Cookies.Append("lp-last-child", studentNumber, new CookieOptions { HttpOnly = true, Secure = true, MaxAge = TimeSpan.FromDays(30) });
        using var span = Source.StartLearnstateSession("stored");
        span.SetLearnstateStudentId(pseudonymizer.PseudonymizeLearnstateStudentId(studentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag(LearnstateAttributes.GuardianContact, guardianEmail); // leak TC1001 generated-api
        span.Activity?.SetTag("portal.guardian.domain", guardianEmail[(guardianEmail.IndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetTag("portal.term", term); // clean precision-names
        logger.LogInformation("Guardian session {SessionId} acting for another child in {Term}", http.Session.Id, term); // clean precision-names
    }

    public string? RememberedChild(StateHttpContext http)
    {
        if (http.Request.Cookies.TryGetValue("lp-last-child", out var child) && child is not null)
        {
            logger.LogDebug("Restoring last child {Child} from cookie", child); // leak TC1001 cross-member
            return child;
        }
        logger.LogDebug("No remembered child among {CookieCount} cookies", http.Request.Cookies.Count); // clean precision-about
        return null;
    }

    public async Task OnRegradedAsync(string studentNumber, string classCode, CancellationToken cancellationToken)
    {
        var tags = new[] { $"student:{studentNumber}", $"class:{classCode}" };
        foreach (var tag in tags)
        {
            await outputCache.EvictByTagAsync(tag, cancellationToken);
        }
        Activity.Current?.SetTag("portal.evicted.tags", string.Join(" ", tags)); // leak TC1001 strings
        Activity.Current?.SetTag("portal.evicted.class", $"class:{classCode}"); // clean strings
    }
}

/// <summary>The portal's output-cache policy: vary by the child acted for and tag the page with them.</summary>
public sealed class ChildPagePolicy(ILogger<ChildPagePolicy> logger) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var child = context.HttpContext.Session.GetString("ActingForStudent");
        context.EnableOutputCaching = child is not null;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        if (child is not null)
        {
            context.CacheVaryByRules.VaryByValues["child"] = child;
            context.Tags.Add($"student:{child}");
        }
        context.CacheVaryByRules.VaryByValues["term"] = context.HttpContext.Session.GetString("Term") ?? "current";
        logger.LogDebug("Vary-by keys {Keys}", string.Join(",", context.CacheVaryByRules.VaryByValues.Keys)); // clean precision-names
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        Activity.Current?.SetTag("portal.output.tags", string.Join(",", context.Tags)); // leak TC1001 strings
        Activity.Current?.SetTag("portal.output.tag.count", context.Tags.Count); // clean precision-about
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var vary = string.Join("&", context.CacheVaryByRules.VaryByValues.Select(p => $"{p.Key}={p.Value}"));
        logger.LogDebug("Stored page for {Path} varying by {Vary}", context.HttpContext.Request.Path, vary); // leak TC1001 strings
        return ValueTask.CompletedTask;
    }
}
