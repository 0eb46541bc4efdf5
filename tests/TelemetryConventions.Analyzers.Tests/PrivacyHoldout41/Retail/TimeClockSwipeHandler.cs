using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout41.Retail;

public interface IColleagueBadges
{
    /// <summary>The colleague number the badge was issued to, or null for a lost or unknown badge.</summary>
    Task<string?> ColleagueForBadgeAsync(string badgeNumber, CancellationToken cancellationToken);

    Task<DateTimeOffset?> RotaStartAsync(string colleagueNumber, DateOnly day, CancellationToken cancellationToken);
}

/// <summary>Thrown for a badge reported lost; store managers see it on the terminal's event log.</summary>
public sealed class BadgeBlockedException(string badgeNumber)
    : Exception($"Badge {badgeNumber} is blocked: reported lost.");

/// <summary>
/// Consumes the swipes the stores' time clocks publish and turns them into attendance: clocked in,
/// late against the rota, or rejected.
/// </summary>
public sealed class TimeClockSwipeHandler(
    IConsumer<string, ClockSwipe> consumer,
    IColleagueBadges badges,
    Pseudonymizer pseudonymizer,
    ILogger<TimeClockSwipeHandler> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Stores.TimeAndAttendance");
    private readonly Counter<long> _swipes = meter.CreateCounter<long>("stores.clock.swipes");
    private readonly Counter<long> _late = meter.CreateCounter<long>("stores.clock.late");
    private readonly ConcurrentDictionary<string, int> _lateToday = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (consumer.Consume(stoppingToken) is not { } result)
            {
                continue;
            }
            // The swipes topic is keyed by terminal, so one terminal's swipes stay in order.
            using var activity = Source.StartActivity("clock.swipe");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            await HandleAsync(result.Message.Value, activity, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(ClockSwipe swipe, Activity? activity, CancellationToken cancellationToken)
    {
        activity?.SetTag("store.number", swipe.StoreNumber); // clean precision-names
        activity?.SetTag("clock.terminal", swipe.TerminalId); // clean precision-names
        activity?.SetTag("clock.badge_last4", swipe.BadgeNumber[^4..]); // clean precision-about
        try
        {
            var colleague = await badges.ColleagueForBadgeAsync(swipe.BadgeNumber, cancellationToken) ?? throw new BadgeBlockedException(swipe.BadgeNumber);
            activity?.SetTag("colleague.ref", pseudonymizer.ComputeWorkforceEmployeeId(colleague)); // clean precision-pseudonym
            _swipes.Add(1, new KeyValuePair<string, object?>("store", swipe.StoreNumber), new KeyValuePair<string, object?>("direction", swipe.Direction)); // clean precision-names

            var rotaStart = await badges.RotaStartAsync(colleague, DateOnly.FromDateTime(swipe.At.UtcDateTime), cancellationToken);
            if (swipe.Direction == "in" && rotaStart is { } start && swipe.At - start > TimeSpan.FromMinutes(5))
            {
                var minutesLate = (int)(swipe.At - start).TotalMinutes;
                _lateToday.AddOrUpdate(colleague, 1, (_, n) => n + 1);
                _late.Add(1, new KeyValuePair<string, object?>("store", swipe.StoreNumber), new KeyValuePair<string, object?>("colleague", colleague)); // leak TC1003 direct
                logger.LogInformation("Colleague {Colleague} clocked in {Minutes} minutes late at store {Store}", colleague, minutesLate, swipe.StoreNumber); // leak TC1001 cross-member
                activity?.SetTag("clock.minutes_late", minutesLate); // clean precision-about
            }
        }
        catch (BadgeBlockedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("clock.rejected", ex.GetType().Name); // clean exceptions
            logger.LogWarning("Blocked badge swiped at terminal {Terminal}: {Badge}", swipe.TerminalId, swipe.BadgeNumber); // leak TC1001 direct
        }
    }

    /// <summary>Called by the end-of-day job for the area managers' lateness report.</summary>
    public void ReportLateness(ILogger reportLogger)
    {
        reportLogger.LogInformation("Late colleagues today: {Count}", _lateToday.Count); // clean precision-about
        reportLogger.LogInformation("Late colleagues today: {Colleagues}", _lateToday.Keys); // leak TC1001 logging-objects
        reportLogger.LogInformation("Repeat lateness: {Repeats}", _lateToday.Where(p => p.Value > 1).ToDictionary(p => p.Key, p => p.Value)); // leak TC1001 logging-objects
        _lateToday.Clear();
    }
}
