using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout16.Support.Web;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Healthcare;

/// <summary>
/// Receives the patient portal's page-view beacons. Every page of a patient's record lives under
/// <c>/patients/{mrn}/…</c>; the portal's own pages (help, leaflets) do not.
/// </summary>
public sealed class PortalClickstream(ILogger<PortalClickstream> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    public const string LetterRoute = "/patients/{mrn}/letters/{letterId}";

    private static readonly ActivitySource Source = new("Clinic.Portal.Clickstream");

    private readonly Counter<long> _pageViews = meter.CreateCounter<long>("portal.page_views", "{view}");

    public void Collect(PageViewBeacon beacon)
    {
        using var activity = Source.StartActivity("portal.page_view", ActivityKind.Consumer);
        activity?.SetTag("url.template", beacon.RouteTemplate); // clean precision-about
        activity?.SetTag("url.full", beacon.Url.AbsoluteUri); // leak TC1001 strings
        activity?.SetTag("http.referrer.host", beacon.Referrer?.Host); // clean precision-about
        activity?.SetTag("portal.anonymous_id", beacon.AnonymousId); // leak TC1001 direct
        activity?.SetTag("session.id", beacon.SessionId); // clean precision-names
        activity?.SetTag("user_agent.original", beacon.UserAgent); // clean precision-names

        if (beacon.RouteTemplate?.StartsWith("/patients/", StringComparison.Ordinal) == true)
        {
            var mrn = beacon.Url.Segments[2].TrimEnd('/');
            activity?.SetTag("portal.record.patient", mrn); // leak TC1001 cross-member
        }

        _pageViews.Add(1, new KeyValuePair<string, object?>("route", beacon.RouteTemplate), new("signed_in", beacon.UserId is not null)); // clean precision-about
        Baggage.SetBaggage("portal.session", beacon.SessionId); // clean precision-names

        if (beacon.UserId is { } account)
        {
            Baggage.SetBaggage("portal.account", account); // leak TC1001 direct
            logger.LogAnalyticsPageViewEvent(beacon.RouteTemplate ?? "/", pseudonymizer.PseudonymizeAnalyticsUserId(account)); // clean precision-pseudonym
        }
    }

    public string LetterLink(string mrn, string letterId)
    {
        var link = LetterRoute.Replace("{mrn}", mrn).Replace("{letterId}", letterId);
        logger.LogDebug("Sending reader to {Link}", link); // leak TC1001 strings
        return link;
    }
}
