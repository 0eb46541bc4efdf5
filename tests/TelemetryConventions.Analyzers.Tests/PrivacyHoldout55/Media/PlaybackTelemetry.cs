using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyHoldout55.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout55.Media;

/// <summary>The signed-in viewer, read from the access token by the auth middleware.</summary>
public sealed record ViewerSession(Guid SubscriberId, string SubscriberEmail, Guid ProfileId, string ProfileName, string Plan, string DeviceType, string? AnalyticsRef);

public sealed record PlaybackGrant(string TitleId, string Manifest, int MaxBitrateKbps);

public interface IPlaybackTelemetry
{
    StreamPlaybackStartSpan Starting(ViewerSession session, string titleId);

    void Denied(ViewerSession session, string titleId, StreamDenialReason reason);

    void FirstFrame(ViewerSession session, TimeSpan startup, int buffers);

    void ProfileSwitched(ViewerSession session, Guid newProfileId, string newProfileName);
}

/// <summary>The playback team's facade over the generated playback API.</summary>
public sealed class PlaybackTelemetry(Meter meter, Pseudonymizer pseudonymizer, ILogger<PlaybackTelemetry> logger) : IPlaybackTelemetry
{
    public static StreamDeviceClassValue DeviceClassOf(string deviceType) => deviceType switch
    {
        "tizen" or "webos" or "androidtv" or "roku" => StreamDeviceClass.Tv,
        "ios" or "android" => StreamDeviceClass.Mobile,
        "chrome" or "safari" or "firefox" => StreamDeviceClass.Web,
        _ => StreamDeviceClassValue.Custom(deviceType),
    };

    private static string Who(ViewerSession session) => $"{session.ProfileName}@{session.Plan}";

    public StreamPlaybackStartSpan Starting(ViewerSession session, string titleId)
    {
        var span = Activity.Current.EnrichStreamPlaybackStart(pseudonymizer.PseudonymizeStreamSubscriberId(session.SubscriberId.ToString()), titleId); // clean precision-pseudonym
        span.SetStreamProfileId(pseudonymizer.PseudonymizeStreamProfileId(session.ProfileId.ToString())) // clean precision-pseudonym
            .SetStreamDeviceClass(DeviceClassOf(session.DeviceType)) // clean generated-api
            .SetStreamPlan(session.Plan);
        if (session.AnalyticsRef is { } analyticsRef)
        {
            // Sessions issued before the 2024 identity migration carry the subscriber id itself here.
            span.Activity?.SetTag("stream.analytics.ref", Pseudonym.FromComputed(analyticsRef).Value); // leak TC1001 precision-pseudonym
        }
        return span;
    }

    public void Denied(ViewerSession session, string titleId, StreamDenialReason reason)
    {
        var subscriber = pseudonymizer.PseudonymizeStreamSubscriberId(session.SubscriberId.ToString());
        var profile = pseudonymizer.PseudonymizeStreamProfileId(session.ProfileId.ToString());
        logger.LogStreamPlaybackDeniedEvent(reason, titleId, subscriber, profile, $"plan {session.Plan}"); // clean precision-pseudonym
        logger.LogStreamPlaybackDeniedEvent(reason, titleId, subscriber, profile, $"profile '{session.ProfileName}'"); // leak TC1001 generated-api
        meter.CreateStreamPlaybacksCounter().Add(1, DeviceClassOf(session.DeviceType), session.Plan, reason); // clean precision-about
        meter.CreateStreamPlaybacksCounter().Add(1, DeviceClassOf(session.DeviceType), $"{session.Plan}:{session.SubscriberId}", reason); // leak TC1003 generated-api
    }

    public void FirstFrame(ViewerSession session, TimeSpan startup, int buffers)
    {
        new StreamPlaybackStartSpan(Activity.Current).SetStreamNote($"{buffers} buffers before first frame"); // clean precision-about
        meter.CreateStreamStartupTimeHistogram().Record(startup.TotalSeconds, DeviceClassOf(session.DeviceType), session.Plan);
        logger.LogDebug("First frame for {Who} after {Buffers} buffers", Who(session), buffers); // leak TC1001 cross-member
        meter.CreateStreamStartupTimeHistogram().Record(startup.TotalSeconds, DeviceClassOf(session.DeviceType), pseudonymizer.ComputeStreamProfileId(session.ProfileId.ToString())); // leak TC1003 precision-pseudonym
    }

    public void ProfileSwitched(ViewerSession session, Guid newProfileId, string newProfileName)
    {
        var profile = pseudonymizer.PseudonymizeStreamProfileId(newProfileId.ToString());
        logger.LogStreamProfileSwitchedEvent(profile, DeviceClassOf(session.DeviceType)); // clean precision-pseudonym
        logger.LogStreamProfileSwitchedEvent(profile, streamNote: newProfileName); // leak TC1001 generated-api
        logger.LogStreamProfileSwitchedEvent(pseudonymizer.PseudonymizeStreamProfileId(session.SubscriberEmail), streamNote: "switch from email login"); // clean precision-pseudonym
        var profileNameLength = newProfileName.Length;
        logger.LogDebug("Profile name length {ProfileNameLength}, kids={IsKids}", profileNameLength, newProfileName.EndsWith("(Kids)", StringComparison.Ordinal)); // clean precision-names
    }
}

public static class PlaybackTelemetryRegistration
{
    public static IServiceCollection AddPlaybackTelemetry(this IServiceCollection services) =>
        services.AddSingleton<IPlaybackTelemetry, PlaybackTelemetry>();
}
