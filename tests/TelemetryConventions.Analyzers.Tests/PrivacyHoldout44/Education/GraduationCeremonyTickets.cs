using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout44.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout44.Education;

public sealed record CeremonyGuest(string Name, bool WheelchairSpace);

/// <summary>A graduand's allocation: their own seat and up to two named guests.</summary>
public sealed record CeremonyAllocation(
    string CeremonyId,
    string StudentNumber,
    string GraduandName,
    string SeatBlock,
    IReadOnlyList<CeremonyGuest> Guests);

public interface ICeremonyRegister
{
    Task<CeremonyAllocation?> FindByTicketAsync(string ticketCode, CancellationToken cancellationToken);

    Task<bool> MarkScannedAsync(string ticketCode, CancellationToken cancellationToken);
}

/// <summary>Scans guest tickets at the doors of the Great Hall on graduation days.</summary>
public sealed class CeremonyDoorScanner(
    ICeremonyRegister register,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CeremonyDoorScanner> logger)
{
    private readonly string _door = "great-hall-east";

    public async Task<bool> ScanAsync(string ceremonyId, string ticketCode, string guestNameOnTicket, CancellationToken cancellationToken)
    {
        using var span = source.StartVenueAdmission(ceremonyId); // clean precision-names
        span.SetVenueGate(_door);

        var allocation = await register.FindByTicketAsync(ticketCode, cancellationToken);
        if (allocation is null)
        {
            span.AddVenueAdmissionRefusedEvent("ticket not on register"); // clean generated-api
            meter.CreateVenueScansCounter().Add(1, venueGate: _door, venueOutcome: "unknown-ticket");
            return false;
        }

        span.SetVenueAttendeeId(pseudonymizer.PseudonymizeVenueAttendeeId(allocation.StudentNumber)); // clean precision-pseudonym
        Baggage.SetBaggage("graduand", allocation.StudentNumber); // leak TC1001 direct

        if (!allocation.Guests.Any(g => string.Equals(g.Name, guestNameOnTicket, StringComparison.OrdinalIgnoreCase)))
        {
            span.AddVenueAdmissionRefusedEvent($"guest {guestNameOnTicket} not registered by {allocation.StudentNumber}"); // leak TC1001 generated-api
            meter.CreateVenueScansCounter().Add(1, venueGate: _door, venueOutcome: "name-mismatch"); // clean generated-api
            return false;
        }

        if (!await register.MarkScannedAsync(ticketCode, cancellationToken))
        {
            meter.CreateVenueScansCounter().Add(1, venueGate: _door, venueOutcome: $"rescan:{allocation.GraduandName}"); // leak TC1003 generated-api
            logger.LogWarning("Ticket {TicketCode} scanned twice at {Door}", ticketCode, _door); // clean precision-names
            return false;
        }

        meter.CreateVenueScansCounter().Add(1, venueGate: _door, venueOutcome: "admitted");
        span.SetVenueNote($"block {allocation.SeatBlock}, {allocation.Guests.Count(g => g.WheelchairSpace)} wheelchair spaces"); // clean generated-api
        return true;
    }

    public void LogGuestList(CeremonyAllocation allocation)
    {
        var guests = string.Join(", ", allocation.Guests.Select(g => g.Name));
        logger.LogInformation("Guests of {Graduand}: {Guests}", allocation.GraduandName, guests); // leak TC1001 strings
        logger.LogInformation("{GuestCount} guests registered in block {Block}", allocation.Guests.Count, allocation.SeatBlock); // clean precision-about
    }
}
