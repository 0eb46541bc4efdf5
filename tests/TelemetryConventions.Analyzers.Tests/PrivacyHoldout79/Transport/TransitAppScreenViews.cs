namespace PrivacyHoldout79.Transport;

/// <summary>
/// A screen view from the journey app. <see cref="DeepLink"/> is the link the screen was opened
/// from: <c>transit://routes/{routeId}</c>, <c>transit://stops/{stopId}</c> or, from the top-up
/// reminder, <c>transit://cards/{cardNumber}/topup</c>.
/// </summary>
public sealed record ScreenView(string ViewId, string Screen, string? DeepLink, double RenderMs, string? RiderId, ClientContext Client);

/// <summary>Re-emits the journey app's screen views as telemetry.</summary>
public sealed partial class TransitAppScreenViews(
    ILogger<TransitAppScreenViews> logger,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private readonly Counter<long> _views = meter.CreateCounter<long>("transit.app.screen_views");
    private string? _lastDeepLink;

    [LoggerMessage(EventId = 9301, Level = LogLevel.Debug, Message = "Screen {Screen} rendered in {RenderMs} ms on {DeviceModel} ({Os} {OsVersion})")]
    private static partial void LogRender(ILogger logger, string screen, double renderMs, string deviceModel, string os, string osVersion);

    [LoggerMessage(EventId = 9302, Level = LogLevel.Information, Message = "Opened from {DeepLink}")]
    private static partial void LogDeepLink(ILogger logger, string deepLink);

    public void Record(string batchId, IReadOnlyList<ScreenView> views)
    {
        using var span = source.StartRidepulseIngest(batchId);
        span.SetRidepulseBatchSize(views.Count);

        foreach (var view in views)
        {
            LogRender(logger, view.Screen, view.RenderMs, view.Client.DeviceModel, view.Client.OsName, view.Client.OsVersion); // clean precision-about
            meter.CreateRidepulseClientTimingHistogram().Record(view.RenderMs / 1000, view.Screen, ridepulseDeviceModel: view.Client.DeviceModel); // clean precision-about
            _views.Add(1, new KeyValuePair<string, object?>("screen", view.Screen), new("app_version", view.Client.AppVersion)); // clean precision-about

            if (view.DeepLink is { } link)
            {
                var uri = new Uri(link);
                LogDeepLink(logger, link); // leak TC1001 direct
                _lastDeepLink = link;
                span.Activity?.SetTag("app.deeplink.kind", uri.Host); // clean precision-about
                var template = uri.Host == "cards" ? "transit://cards/{cardNumber}/topup" : $"transit://{uri.Host}/{{id}}";
                span.Activity?.SetTag("app.deeplink.template", template); // clean precision-about
                if (uri.Host == "cards")
                {
                    var card = uri.Segments[1].TrimEnd('/');
                    span.Activity?.SetTag("app.deeplink.card_last4", card[^4..]); // clean precision-about
                    span.Activity?.AddEvent(new ActivityEvent("topup.reminder.opened", tags: new ActivityTagsCollection { ["card"] = card })); // leak TC1001 direct
                    _views.Add(1, new KeyValuePair<string, object?>("card", card)); // leak TC1003 direct
                }
            }

            if (view.RiderId is { } riderId)
            {
                span.SetRidepulseUserId(pseudonymizer.PseudonymizeRidepulseUserId(riderId)); // clean precision-pseudonym
                span.Activity?.SetTag(RidepulseAttributes.UserEmail, pseudonymizer.ComputeRidepulseUserId(riderId)); // leak TC1001 precision-pseudonym
                if (span.Activity is { } screenActivity) screenActivity.DisplayName = $"{view.Screen} for {riderId}"; // leak TC1001 strings
                logger.LogRidepulseIngestRejectedEvent(batchId, "accepted:signed_in", ridepulseUserId: pseudonymizer.PseudonymizeRidepulseUserId(riderId), ridepulseNote: view.Screen); // clean precision-pseudonym
            }
        }
    }

    public void OnDeepLinkFailed()
    {
        Activity.Current?.SetStatus(ActivityStatusCode.Error, "deep link did not resolve: " + _lastDeepLink); // leak TC1001 cross-member
    }
}
