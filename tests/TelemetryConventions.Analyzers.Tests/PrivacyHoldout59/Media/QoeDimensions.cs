using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using TelemetryConventions;
using PrivacyHoldout59.Telemetry;

namespace PrivacyHoldout59.Media;

[AttributeUsage(AttributeTargets.Property)]
public sealed class TelemetryIgnoreAttribute : Attribute;

public sealed class QoeOptions
{
    public const string Section = "Telemetry:Qoe";

    /// <summary>Keys of <see cref="QoeDimensions.Build"/> the session counter is cut by.</summary>
    public List<string> MetricDimensions { get; set; } = ["cdn", "device_class", "plan"];

    /// <summary>Keys of <see cref="QoeDimensions.Build"/> that go on the session span.</summary>
    public List<string> SpanDimensions { get; set; } = ["cdn", "device_class", "plan", "title", "subscriber", "bitrate_kbps"];

    public double StallThresholdSeconds { get; set; } = 2.0;

    /// <summary>Distribution partners (bundles) and the extra beacon fields each one asked for.</summary>
    public Dictionary<string, List<string>> PartnerFields { get; set; } = new()
    {
        ["telco-uk"] = ["partner_account", "partner_tier"],
        ["isp-nl"] = ["partner_tier"],
    };
}

public sealed record QoeBeacon(
    string SessionId,
    Guid SubscriberId,
    string SubscriberEmail,
    Guid ProfileId,
    string ProfileName,
    string DeviceSerial,
    string DeviceClass,
    string TitleId,
    string Cdn,
    string Plan,
    int BitrateKbps,
    int Rebuffers,
    double StartupSeconds,
    double LongestStallSeconds,
    string? Partner,
    IReadOnlyDictionary<string, string> PartnerData);

/// <summary>What the player SDK reports at session end; fields the service must not forward are marked.</summary>
public sealed class PlayerSdkReport
{
    public required string SessionId { get; init; }

    [TelemetryIgnore]
    public required Guid SubscriberId { get; init; }

    [TelemetryIgnore]
    public required string ProfileName { get; init; }

    public required string DeviceSerial { get; init; }

    public required string SdkVersion { get; init; }

    public required int DroppedFrames { get; init; }
}

/// <summary>The same report, as the TV app sends it.</summary>
public sealed class TvAppReport
{
    public required string SessionId { get; init; }

    [TelemetryIgnore]
    public required Guid SubscriberId { get; init; }

    [TelemetryIgnore]
    public required string DeviceSerial { get; init; }

    public required string AppVersion { get; init; }

    public required string HdrMode { get; init; }
}

public static class QoeDimensions
{
    public static Dictionary<string, object?> Build(QoeBeacon beacon, Pseudonymizer pseudonymizer) => new()
    {
        ["session"] = beacon.SessionId,
        ["cdn"] = beacon.Cdn,
        ["device_class"] = beacon.DeviceClass,
        ["plan"] = beacon.Plan,
        ["title"] = beacon.TitleId,
        ["bitrate_kbps"] = beacon.BitrateKbps,
        ["rebuffers"] = beacon.Rebuffers,
        ["subscriber"] = pseudonymizer.ComputeQoeSubscriberId(beacon.SubscriberId.ToString()),
    };

    /// <summary>Keys that may leave the service at all; the rest stay in the beacon store.</summary>
    public static readonly HashSet<string> Exportable = ["cdn", "device_class", "plan", "title", "bitrate_kbps", "rebuffers"];

    /// <summary>Tags every readable property of a report that is not <see cref="TelemetryIgnoreAttribute"/>.</summary>
    public static void EnrichFrom<T>(Activity? activity, T report)
        where T : class
    {
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<TelemetryIgnoreAttribute>() is null)
            {
                activity?.SetTag("qoe.report." + property.Name.ToLowerInvariant(), property.GetValue(report));
            }
        }
    }
}
