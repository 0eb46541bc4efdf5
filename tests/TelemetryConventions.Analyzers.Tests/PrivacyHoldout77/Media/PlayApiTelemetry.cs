namespace PrivacyHoldout77.Media;

internal static partial class PlayLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Subscription downgraded for a 1.0 client: {Subscription}")]
    public static partial void Downgraded(ILogger logger, SubscriptionV1 subscription);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Plan {Plan} served to a {Version} client")]
    public static partial void PlanServed(ILogger logger, PlanDto plan, string version);
}

public sealed class PlayApiTelemetry(ILogger<PlayApiTelemetry> logger, Pseudonymizer pseudonymizer)
{
    public void Served(SubscriptionV2 subscription, SubscriptionV1? downgraded, PlanDto plan, ApiVersion version)
    {
        if (downgraded is not null)
        {
            PlayLog.Downgraded(logger, downgraded); // leak TC1001 logging-objects
        }
        PlayLog.PlanServed(logger, plan, version.ToString()); // clean logging-objects
        Activity.Current?.SetTag(PlayapiAttributes.SubscriberEmail, subscription.Email); // leak TC1001 generated-api
        Activity.Current?.SetTag(PlayapiAttributes.SubscriberEmail, pseudonymizer.Compute("playapi.subscriber.email", subscription.Email)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetBaggage("play.plan", plan.PlanCode); // clean precision-about
        using (logger.BeginScope(new { subscription.SubscriberId, Plan = plan.PlanCode })) // leak TC1001 logging-objects
        {
            logger.LogDebug("Subscription served");
        }
    }
}
