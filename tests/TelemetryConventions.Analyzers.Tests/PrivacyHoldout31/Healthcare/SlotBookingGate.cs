using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout31.Healthcare;

/// <summary>
/// Serialises bookings of one clinic slot inside this node (the database's unique index settles races
/// between nodes), and remembers which patients are mid-booking so a double click does not book twice.
/// </summary>
public sealed class SlotBookingGate(Pseudonymizer pseudonymizer, Meter meter, ILogger<SlotBookingGate> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _slotGates = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _patientsBooking = new();
    private readonly UpDownCounter<int> _waiting = meter.CreateUpDownCounter<int>("clinic.slot_gate.waiting");

    public async Task<bool> BookAsync(string clinicCode, DateTime slotStart, string nhsNumber, Func<CancellationToken, Task<bool>> book, CancellationToken ct)
    {
        if (!_patientsBooking.TryAdd(nhsNumber, DateTimeOffset.UtcNow))
        {
            logger.LogInformation("Booking already in progress for {Patient}", pseudonymizer.ComputeCacheSubjectId(nhsNumber)); // clean precision-pseudonym
            return false;
        }

        var slotKey = $"{clinicCode}:{slotStart:yyyyMMddHHmm}";
        var gate = _slotGates.GetOrAdd(slotKey, _ => new SemaphoreSlim(1, 1));
        _waiting.Add(1, new KeyValuePair<string, object?>("clinic", clinicCode)); // clean precision-about
        bool entered;
        try
        {
            entered = await gate.WaitAsync(TimeSpan.FromSeconds(3), ct);
        }
        finally
        {
            _waiting.Add(-1, new KeyValuePair<string, object?>("clinic", clinicCode));
        }

        try
        {
            if (!entered)
            {
                logger.LogWarning("Slot {SlotKey} busy; {OpenGates} slot gates open", slotKey, _slotGates.Count); // clean precision-about
                return false;
            }

            try
            {
                var booked = await book(ct);
                Activity.Current?.SetTag("slot.key", slotKey); // clean strings
                if (!booked)
                {
                    logger.LogInformation("Slot {SlotKey} taken before patient {NhsNumber} could book it", slotKey, nhsNumber); // leak TC1001 direct
                }

                return booked;
            }
            finally
            {
                gate.Release();
            }
        }
        finally
        {
            _patientsBooking.TryRemove(nhsNumber, out _);
        }
    }

    /// <summary>Called by the diagnostics endpoint the on-call engineer uses when bookings stall.</summary>
    public void ReportState()
    {
        logger.LogInformation("Open slot gates: {Slots}", string.Join(", ", _slotGates.Keys)); // clean logging-objects
        logger.LogInformation("Patients mid-booking: {Patients}", _patientsBooking.Keys.ToArray()); // leak TC1001 logging-objects
        logger.LogInformation("Oldest booking started {Age} ago", DateTimeOffset.UtcNow - _patientsBooking.Values.DefaultIfEmpty(DateTimeOffset.UtcNow).Min()); // clean precision-about
    }
}
