namespace PrivacyHoldout105.Media;

/// <summary>
/// Follows visitors through the streaming service's signup (landing, plan chosen, payment, completed) from the
/// enriched clickstream. Newsletter landings carry the reader's email (<c>?e=</c>); referral landings carry the
/// referring subscriber's code (<c>?ref=</c>), which names that subscriber.
/// </summary>
public sealed class SignupFunnelService(
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<SignupFunnelService> logger)
{
    private readonly Counter<int> _signups = meter.CreateCounter<int>("media.signups", "{signup}");

    public void OnLanding(EnrichedEvent ev)
    {
        var activity = Activity.Current;
        var query = UrlParts.ParseQuery(ev.PageUrlquery ?? string.Empty);
        activity?.SetTag("url.full", ev.PageUrl); // leak TC1001 strings
        activity?.SetTag("url.query", ev.PageUrlquery); // leak TC1001 strings
        activity?.SetTag("media.utm_campaign", ev.MktCampaign); // clean precision-about
        activity?.SetTag("media.query.keys", string.Join(",", query.Keys)); // clean precision-names
        activity?.SetTag("media.has_referral", query.ContainsKey("ref")); // clean precision-about
        if (query.TryGetValue("ref", out var referral))
        {
            activity?.SetTag("media.referral_code", referral); // leak TC1001 cross-member
        }
        if (query.TryGetValue("e", out var email))
        {
            activity?.SetTag("media.newsletter.domain", email[(email.IndexOf('@') + 1)..]); // clean precision-about
        }
        logger.LogInformation("Landing {Route} for session {SessionId}", UrlParts.Path(ev.PageUrl ?? "/"), ev.DomainSessionid); // clean precision-names
    }

    public void OnCompleted(EnrichedEvent ev, Guid subscriberId, string email, string plan, int trialDays)
    {
        var span = Activity.Current.EnrichViewclickCollect("signup_completed").SetViewclickSubscriberId(pseudonymizer.PseudonymizeViewclickSubscriberId(subscriberId.ToString())); // clean precision-pseudonym
        span.SetViewclickNote($"plan {plan}, trial {trialDays}d"); // clean generated-api
        span.SetViewclickNote($"plan {plan} for {email}"); // leak TC1001 generated-api
        logger.LogInformation("Signup completed {SubscriberId} from {AnonymousId}", subscriberId, ev.DomainUserid); // leak TC1001 direct
        logger.LogInformation("Signup completed on {Plan}, contact attribute {Attribute} withheld", plan, ViewclickAttributes.SubscriberContact); // clean generated-api
        meter.CreateViewclickEventsCounter().Add(1, "signup_completed", viewclickOutcome: plan); // clean generated-api
        _signups.Add(1, new KeyValuePair<string, object?>("plan", plan), new KeyValuePair<string, object?>("subscriber", pseudonymizer.ComputeViewclickSubscriberId(subscriberId.ToString()))); // leak TC1003 precision-pseudonym
        _signups.Add(1, new KeyValuePair<string, object?>("plan", plan), new KeyValuePair<string, object?>("trial.days", trialDays)); // clean precision-about
    }
}
