using System;
using System.Diagnostics;

namespace TelemetryConventions.Samples.Scenarios;

/// <summary>
/// The time line of a simulation. A hospital visit takes half an hour and a player session an
/// evening; the showcase replays them in milliseconds, so spans are started and ended on this clock
/// instead of the wall clock, and durations and event times read like the real thing.
/// </summary>
public sealed class SimulatedClock
{
    /// <summary>A clock that starts at <paramref name="start"/>.</summary>
    public SimulatedClock(DateTimeOffset start) => Now = start;

    /// <summary>The current simulated time.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(elapsed), elapsed, "Simulated time only moves forward.");
        }
        Now += elapsed;
    }

    /// <summary>Moves the clock forward by a number of seconds.</summary>
    public void AdvanceSeconds(double seconds) => Advance(TimeSpan.FromSeconds(seconds));

    /// <summary>
    /// Ends <paramref name="activity"/> at the simulated time when the returned scope is disposed.
    /// Declare it right after the span's <c>using</c>, so that it is disposed first and the span's
    /// own <c>Dispose</c> keeps this end time instead of taking the wall clock.
    /// </summary>
    public EndScope EndsSpan(Activity? activity) => new(this, activity);

    /// <summary>Sets a span's end time to the simulated time; see <see cref="EndsSpan"/>.</summary>
    public readonly struct EndScope : IDisposable
    {
        private readonly SimulatedClock _clock;
        private readonly Activity? _activity;

        internal EndScope(SimulatedClock clock, Activity? activity)
        {
            _clock = clock;
            _activity = activity;
        }

        /// <summary>Stamps the end time; the span itself is ended by its own <c>Dispose</c>.</summary>
        public void Dispose() => _activity?.SetEndTime(_clock.Now.UtcDateTime);
    }
}
