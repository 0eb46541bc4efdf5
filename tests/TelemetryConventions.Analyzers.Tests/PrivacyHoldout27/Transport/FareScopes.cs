using System;
using System.Diagnostics;

namespace PrivacyHoldout27.Transport;

/// <summary>Times a fare stage and tags the span with its duration and the card's last four digits when disposed.</summary>
public readonly struct FareStageScope(Activity? activity, string stage, string cardLastFour) : IDisposable
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public void Dispose()
    {
        activity?.SetTag($"fare.{stage}.ms", Stopwatch.GetElapsedTime(_started).TotalMilliseconds);
        activity?.SetTag("fare.card.last4", cardLastFour); // clean precision-about
    }
}

/// <summary>
/// Wraps the hotlist check. When disposed it adds a span event with the card that was checked and
/// how long the lookup took, for the revenue protection team.
/// </summary>
public sealed class HotlistCheckScope(Activity? activity, string cardNumber) : IDisposable
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public bool Listed { get; set; }

    public void Dispose() =>
        activity?.AddEvent(new ActivityEvent("hotlist.checked", tags: new ActivityTagsCollection { ["fare.card_number"] = cardNumber, ["fare.hotlisted"] = Listed, ["fare.lookup_ms"] = Stopwatch.GetElapsedTime(_started).TotalMilliseconds })); // leak TC1001 direct
}
