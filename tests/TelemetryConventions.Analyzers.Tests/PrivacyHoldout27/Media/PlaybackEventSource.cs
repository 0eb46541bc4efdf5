using System;
using System.Diagnostics.Tracing;

namespace PrivacyHoldout27.Media;

/// <summary>
/// Playback events, written as self-describing events (and a few manifest events) that the
/// player backend's EventPipe sessions collect.
/// </summary>
[EventSource(Name = "Stream-Playback")]
public sealed class PlaybackEventSource : EventSource
{
    public static readonly PlaybackEventSource Log = new();

    private PlaybackEventSource()
        : base(EventSourceSettings.EtwSelfDescribingEventFormat)
    {
    }

    [NonEvent]
    public void SessionStarted(PlaybackSession session)
    {
        if (!IsEnabled())
        {
            return;
        }

        Write("SessionStarted", new EventSourceOptions { Level = EventLevel.Informational }, new { session.Brand, session.TitleId, session.ProfileId, session.Bitrate }); // leak TC1001 logging-objects
    }

    [NonEvent]
    public void Rebuffered(PlaybackSession session, TimeSpan stall)
    {
        if (IsEnabled(EventLevel.Warning, EventKeywords.All))
        {
            Write("Rebuffered", new EventSourceOptions { Level = EventLevel.Warning }, new { session.Brand, session.TitleId, session.Cdn, session.DeviceClass, StallMs = stall.TotalMilliseconds }); // clean logging-objects
        }
    }

    [Event(3, Level = EventLevel.Warning, Message = "Subscriber {2} not entitled to {1} on {0}")]
    public void EntitlementDenied(string brand, string titleId, string subscriberId) => WriteEvent(3, brand, titleId, subscriberId); // leak TC1001 direct

    [Event(4, Level = EventLevel.Informational)]
    public void LicenceIssued(string brand, string titleId, string licenceKeyId) => WriteEvent(4, brand, titleId, licenceKeyId); // clean precision-names
}
