using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reactive.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Media;

public enum EntitlementChangeKind
{
    PaymentFailed,
    Cancelled,
    PlanChanged,
    Restored,
}

/// <summary>A change to what a subscriber may watch, from the billing system's webhook.</summary>
public sealed record EntitlementChange(Guid SubscriberId, string SubscriberEmail, EntitlementChangeKind Kind, string Plan, string? AnalyticsRef, DateTimeOffset At);

/// <summary>State of a grace period, handed to its timer.</summary>
public sealed record GraceState(Guid SubscriberId, string Plan, DateTimeOffset EndsAt);

public interface IPlaybackControl
{
    Task<int> StopStreamsAsync(Guid subscriberId, string reason, CancellationToken cancellationToken);
}

/// <summary>
/// Reacts to entitlement changes: a cancellation stops the subscriber's streams at once, a failed
/// payment starts a 72-hour grace period on a timer, and a restored payment ends the grace period.
/// </summary>
public sealed class EntitlementWatch : IDisposable
{
    private static readonly ActivitySource Source = new("Viewing.Entitlements");

    private readonly ConcurrentDictionary<Guid, Timer> _grace = new();
    private readonly IDisposable _subscription;
    private readonly IPlaybackControl _playback;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<EntitlementWatch> _logger;
    private readonly UpDownCounter<int> _inGrace;

    public EntitlementWatch(IObservable<EntitlementChange> changes, IPlaybackControl playback, Pseudonymizer pseudonymizer, Meter meter, ILogger<EntitlementWatch> logger)
    {
        _playback = playback;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        _inGrace = meter.CreateUpDownCounter<int>("viewing.entitlements.in_grace");

        _subscription = changes
            .Do(c => Activity.Current?.SetTag("viewing.entitlement.change", c.Kind.ToString())) // clean direct
            .Subscribe(
                c => _ = OnChangeAsync(c),
                ex => _logger.LogError(ex, "Entitlement feed failed"), // clean exceptions
                () => _logger.LogInformation("Entitlement feed completed with {InGrace} subscribers in grace", _grace.Count)); // clean precision-about
    }

    private async Task OnChangeAsync(EntitlementChange change)
    {
        using var activity = Source.StartActivity("viewing.entitlement.apply");
        activity?.SetTag(ViewingAttributes.SubscriberId, _pseudonymizer.ComputeViewingSubscriberId(change.SubscriberId.ToString())); // clean precision-pseudonym
        activity?.SetTag("viewing.analytics_ref", Pseudonym.FromComputed(change.AnalyticsRef ?? change.SubscriberId.ToString()).Value); // leak TC1001 precision-pseudonym
        switch (change.Kind)
        {
            case EntitlementChangeKind.Cancelled:
                var stopped = await _playback.StopStreamsAsync(change.SubscriberId, "cancelled", CancellationToken.None);
                activity?.SetTag("viewing.streams.stopped", stopped); // clean precision-about
                break;

            case EntitlementChangeKind.PaymentFailed:
                var state = new GraceState(change.SubscriberId, change.Plan, change.At.AddHours(72));
                var timer = new Timer(GraceExpired, state, TimeSpan.FromHours(72), Timeout.InfiniteTimeSpan);
                if (_grace.TryAdd(change.SubscriberId, timer))
                {
                    _inGrace.Add(1, new KeyValuePair<string, object?>("plan", change.Plan)); // clean direct
                    _logger.LogInformation("Grace period started for {Email} until {EndsAt}", change.SubscriberEmail, state.EndsAt); // leak TC1001 direct
                }
                break;

            case EntitlementChangeKind.Restored when _grace.TryRemove(change.SubscriberId, out var graceTimer):
                await graceTimer.DisposeAsync();
                _inGrace.Add(-1, new KeyValuePair<string, object?>("plan", change.Plan)); // clean direct
                _logger.LogInformation("Grace period ended early: payment restored on plan {Plan}", change.Plan); // clean direct
                break;
        }
    }

    private void GraceExpired(object? state)
    {
        var grace = (GraceState)state!;
        _grace.TryRemove(grace.SubscriberId, out _);
        _inGrace.Add(-1, new KeyValuePair<string, object?>("plan", grace.Plan)); // clean direct
        _logger.LogWarning("Grace period over: {Grace}", grace); // leak TC1001 logging-objects
        _ = _playback.StopStreamsAsync(grace.SubscriberId, "payment-failed", CancellationToken.None)
            .ContinueWith(t => _logger.LogInformation("Stopped {Streams} streams of subscriber {Subscriber} after grace", t.Result, grace.SubscriberId), TaskContinuationOptions.OnlyOnRanToCompletion); // leak TC1001 cross-member
    }

    public void Dispose()
    {
        _subscription.Dispose();
        foreach (var timer in _grace.Values)
        {
            timer.Dispose();
        }
    }
}
