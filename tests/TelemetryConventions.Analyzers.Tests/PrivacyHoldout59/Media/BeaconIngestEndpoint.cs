using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyCorpus.Shared;
using PrivacyHoldout59.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout59.Media;

public static class BeaconIngestEndpoint
{
    private static readonly ActivitySource Source = new("Qoe.Beacons");
    private static readonly Meter Meter = new("Qoe.Beacons");
    private static readonly Counter<long> SessionsByDimension = Meter.CreateCounter<long>("qoe.sessions.by_dimension");
    private static readonly Histogram<double> Bitrate = Meter.CreateHistogram<double>("qoe.bitrate", "kbit/s");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/beacons/session-end", SessionEnd);
        routes.MapPost("/beacons/sdk-report", SdkReport);
    }

    private static ActionResult SessionEnd(QoeBeacon beacon, Pseudonymizer pseudonymizer, IOptions<QoeOptions> options, ILogger<QoeBeacon> logger)
    {
        var o = options.Value;
        var rendition = beacon.BitrateKbps >= 12000 ? QoeRendition.Uhd : beacon.BitrateKbps >= 2500 ? QoeRendition.Hd : QoeRendition.Sd;
        using var span = Source.StartQoeSession(pseudonymizer.PseudonymizeQoeSubscriberId(beacon.SubscriberId.ToString()), beacon.TitleId); // clean precision-pseudonym
        span.SetQoeCdn(beacon.Cdn).SetQoeDeviceClass(beacon.DeviceClass).SetQoePlan(beacon.Plan).SetQoeRendition(rendition).SetQoeRebufferCount(beacon.Rebuffers); // clean precision-about

        var dims = QoeDimensions.Build(beacon, pseudonymizer);
        foreach (var key in o.SpanDimensions) if (dims.TryGetValue(key, out var value)) span.Activity?.SetTag("qoe." + key, value); // clean precision-pseudonym
        foreach (var (key, value) in dims.Where(d => QoeDimensions.Exportable.Contains(d.Key))) span.Activity?.SetTag("qoe.export." + key, value); // clean precision-about

        var metricTags = new TagList();
        foreach (var key in o.MetricDimensions)
        {
            if (dims.TryGetValue(key, out var value))
            {
                metricTags.Add("qoe." + key, value);
            }
        }
        SessionsByDimension.Add(1, metricTags); // leak TC1003 precision-pseudonym

        var exportedTags = new TagList();
        foreach (var key in o.MetricDimensions.Where(QoeDimensions.Exportable.Contains))
        {
            exportedTags.Add("qoe." + key, dims[key]);
        }
        Bitrate.Record(beacon.BitrateKbps, exportedTags); // clean precision-about
        Meter.CreateQoeSessionsCounter().Add(1, beacon.Cdn, beacon.DeviceClass, beacon.Plan, rendition); // clean precision-about
        Meter.CreateQoeStartupHistogram().Record(beacon.StartupSeconds, beacon.Cdn, beacon.DeviceClass); // clean precision-about

        if (beacon.Partner is { } partner && o.PartnerFields.TryGetValue(partner, out var fields))
        {
            span.Activity?.SetTag("qoe.partner", partner); // clean precision-about
            foreach (var field in fields) span.Activity?.SetTag("qoe.partner." + field, beacon.PartnerData.GetValueOrDefault(field)); // leak TC1001 cross-member
            span.Activity?.SetTag("qoe.partner.fields", string.Join(",", fields)); // clean precision-names
        }

        if (beacon.LongestStallSeconds > o.StallThresholdSeconds)
        {
            span.Activity?.AddQoeStallEvent(beacon.Cdn, beacon.TitleId, pseudonymizer.PseudonymizeQoeSubscriberId(beacon.SubscriberId.ToString()), $"{beacon.LongestStallSeconds:F1}s at {beacon.BitrateKbps} kbps"); // clean generated-api
            logger.LogQoeStallEvent(beacon.Cdn, beacon.TitleId, qoeNote: $"profile {beacon.ProfileName} on {beacon.DeviceClass}"); // leak TC1001 generated-api
            logger.LogQoeStallEvent(beacon.Cdn, beacon.TitleId, qoeNote: string.Join(";", dims.Select(d => $"{d.Key}={d.Value}"))); // clean generated-api
        }

        span.Activity?.SetTag(QoeAttributes.SubscriberEmail, beacon.SubscriberEmail); // leak TC1001 generated-api
        span.Activity?.SetTag("qoe.profile.id", beacon.ProfileId); // leak TC1001 direct
        span.Activity?.SetTag("qoe.device.serial_prefix", beacon.DeviceSerial[..4]); // clean precision-about

        logger.LogInformation("Session {SessionId} ended on {Cdn} after {Rebuffers} stalls", beacon.SessionId, beacon.Cdn, beacon.Rebuffers); // clean precision-about
        logger.LogInformation("Session dimensions {Dimensions}", dims); // clean logging-objects
        logger.LogDebug("Beacon {Beacon}", beacon); // leak TC1001 logging-objects
        logger.LogDebug("Partner data {PartnerData}", beacon.PartnerData); // leak TC1001 logging-objects
        return new OkResult(null);
    }

    private static ActionResult SdkReport(PlayerSdkReport sdk, TvAppReport? tv, ILogger<PlayerSdkReport> logger)
    {
        using var activity = Source.StartActivity("qoe.sdk.report");
        QoeDimensions.EnrichFrom(activity, sdk); // leak TC1001 cross-member
        if (tv is not null)
        {
            QoeDimensions.EnrichFrom(activity, tv); // clean precision-about
        }
        activity?.SetTag("qoe.report.sdk_version", sdk.SdkVersion); // clean precision-about
        logger.LogInformation("SDK report for session {SessionId}: {DroppedFrames} dropped frames", sdk.SessionId, sdk.DroppedFrames); // clean precision-about
        return new OkResult(null);
    }
}
