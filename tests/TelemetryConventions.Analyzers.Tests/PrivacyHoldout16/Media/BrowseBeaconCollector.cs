using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using System.Web;
using Microsoft.Extensions.Logging;
using PrivacyHoldout16.Support.Mixpanel;
using PrivacyHoldout16.Support.Web;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Media;

/// <summary>
/// Collects browse beacons from the web app and forwards them to Mixpanel. Links in the weekly
/// newsletter carry the recipient's address as <c>?e=</c> so that opens can be attributed.
/// </summary>
public sealed class BrowseBeaconCollector(ILogger<BrowseBeaconCollector> logger, MixpanelClient mixpanel, Pseudonymizer pseudonymizer)
{
    public async Task CollectAsync(PageViewBeacon beacon)
    {
        using var sessionScope = logger.BeginScope("Session {SessionId}", beacon.SessionId); // clean precision-names
        using var visitorScope = logger.BeginScope(new Dictionary<string, object> { ["AnonymousId"] = beacon.AnonymousId }); // leak TC1001 logging-objects

        var activity = Activity.Current;
        activity?.SetTag("url.path", beacon.Url.AbsolutePath); // clean precision-about
        activity?.SetTag("url.query", beacon.Url.Query); // leak TC1001 strings

        var source = beacon.Utm.GetValueOrDefault("utm_source");
        activity?.SetTag("marketing.source", source); // clean precision-about
        if (source == "newsletter")
        {
            var recipient = HttpUtility.ParseQueryString(beacon.Url.Query)["e"];
            activity?.SetTag("marketing.recipient", recipient); // leak TC1001 cross-member
            activity?.SetTag("marketing.recipient.domain", recipient?.Split('@').LastOrDefault()); // clean precision-about
        }

        var distinctId = beacon.UserId ?? beacon.AnonymousId;
        var properties = new Dictionary<string, object?> { ["path"] = beacon.Url.AbsolutePath, ["viewport"] = beacon.ViewportWidth };
        var delivered = await mixpanel.TrackAsync(distinctId, "Page Viewed", properties); // clean direct
        if (!delivered)
        {
            logger.LogWarning("Mixpanel rejected a page view for {DistinctId}", distinctId); // leak TC1001 cross-member
        }

        if (beacon.UserId is { } account)
        {
            logger.LogAnalyticsPageViewEvent(beacon.Url.AbsolutePath, pseudonymizer.PseudonymizeAnalyticsUserId(account), "Page Viewed"); // clean precision-pseudonym
        }
    }
}
