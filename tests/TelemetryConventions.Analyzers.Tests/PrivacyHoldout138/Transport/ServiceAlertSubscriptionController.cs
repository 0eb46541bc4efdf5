namespace PrivacyHoldout138.Transport;

public sealed record AlertSubscription(string Email, string? Mobile, string HomeStation, string[] Routes, string Smartcard, bool Weekends);

[ApiController]
[Route("api/alerts")]
public sealed partial class ServiceAlertSubscriptionController(
    IMailingListClient mailing,
    TelemetrySecrets secrets,
    ILogger<ServiceAlertSubscriptionController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Rail.Alerts");
    private static readonly Meter AlertsMeter = new("Rail.Alerts");
    private static readonly Counter<long> Subscriptions = AlertsMeter.CreateCounter<long>("rail.alert.subscriptions", "{subscription}");
    private string? _lastSmartcard;

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert subscription for card {Smartcard} at {HomeStation}")]
    private static partial void LogSubscribed(ILogger logger, [PrivateData] string smartcard, string homeStation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert subscription refused for {Mobile}")]
    private static partial void LogRefused(ILogger logger, string? mobile);

    [HttpPost]
    public async Task<ActionResult> Subscribe([FromBody] AlertSubscription subscription, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("alerts.subscribe");
        activity?.SetTag("alerts.home_station", subscription.HomeStation); // clean precision-names
        activity?.SetTag("alerts.routes", string.Join(",", subscription.Routes)); // clean precision-names
        activity?.SetTag("alerts.route.count", subscription.Routes.Length); // clean precision-about
        activity?.SetTag("alerts.smartcard.last4", subscription.Smartcard[^4..]); // clean precision-about
        activity?.SetTag("alerts.mobile.present", subscription.Mobile is not null); // clean precision-about
        Subscriptions.Add(1, new TagList { { "station", subscription.HomeStation }, { "weekends", subscription.Weekends } }); // clean precision-names
        LogSubscribed(logger, subscription.Smartcard, subscription.HomeStation); // clean generated-api
        _lastSmartcard = subscription.Smartcard;

        try
        {
            var hash = SubscriberHash.For(subscription.Email);
            await mailing.UpsertAsync("service-alerts", hash, new ListMember(subscription.Email, "subscribed", new() { ["STATION"] = subscription.HomeStation }, subscription.Routes), cancellationToken);
            logger.LogInformation("Subscribed {Subscription}", subscription); // leak TC1001 logging-objects
        }
        catch (MailingApiException ex)
        {
            LogRefused(logger, subscription.Mobile); // leak TC1001 generated-api
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("alerts.error.status", ex.Status); // clean exceptions
        }

        return new OkResult(null);
    }

    [HttpGet("audit")]
    public ActionResult Audit()
    {
        logger.LogInformation("Last card subscribed {Smartcard}", _lastSmartcard); // leak TC1001 cross-member
        var lane = _lastSmartcard is null ? -1 : HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(_lastSmartcard))[1] % 8;
        Activity.Current?.SetTag("alerts.audit.lane", lane); // clean hashes
        return new OkResult(null);
    }
}
