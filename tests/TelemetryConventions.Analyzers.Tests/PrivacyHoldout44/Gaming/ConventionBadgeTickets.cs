using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout44.Support;
using PrivacyHoldout44.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout44.Gaming;

public sealed record BadgeTransferRequest(string TicketId, string NewAttendeeName, string NewAttendeeEmail, string BadgeHandle);

public sealed class TicketTransferException(string ticketId, string email)
    : Exception($"Ticket {ticketId} cannot be transferred to {email}: that address already holds a weekend badge");

/// <summary>Named weekend badges for the games convention: transfers before the show and scans at the doors.</summary>
public sealed partial class ConventionBadgeService(
    ITicketingPlatform platform,
    IKeyValueStore badgeHandles,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ConventionBadgeService> logger)
{
    public async Task<IssuedTicket?> TransferAsync(BadgeTransferRequest request, IssuedTicket current, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("badge.ticket", request.TicketId); // clean precision-names
        activity?.SetTag("badge.tier", current.Tier); // clean precision-names
        activity?.SetTag("badge.handle_length", request.BadgeHandle.Length); // clean precision-about
        logger.LogInformation("Badge transfer requested {@Transfer}", request); // leak TC1001 logging-objects

        var handleKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.BadgeHandle.ToLowerInvariant())));
        if (await badgeHandles.GetAsync(handleKey, cancellationToken) is not null)
        {
            activity?.SetTag("badge.handle_taken", handleKey); // leak TC1002 hashes
        }

        try
        {
            if (current.AttendeeEmail.Equals(request.NewAttendeeEmail, StringComparison.OrdinalIgnoreCase))
            {
                throw new TicketTransferException(request.TicketId, request.NewAttendeeEmail);
            }

            var reassigned = await platform.ReassignAsync(request.TicketId, request.NewAttendeeName, request.NewAttendeeEmail, cancellationToken);
            LogTransferred(request.TicketId, pseudonymizer.PseudonymizeVenueAttendeeId(current.AttendeeEmail), pseudonymizer.PseudonymizeVenueAttendeeId(request.NewAttendeeEmail)); // clean precision-pseudonym
            LogBadgePrinted(reassigned.TicketId, request.BadgeHandle); // clean precision-pseudonym
            return reassigned;
        }
        catch (TicketingConflictException ex)
        {
            logger.LogWarning(ex, "Platform refused transfer of {TicketId} ({Code})", request.TicketId, ex.Code); // clean exceptions
            return null;
        }
        catch (TicketTransferException ex)
        {
            logger.LogWarning(ex, "Transfer of {TicketId} refused", request.TicketId); // leak TC1001 exceptions
            activity?.SetTag("badge.transfer.error", ex.GetType().Name); // clean exceptions
            return null;
        }
    }

    public async Task<bool> ScanAsync(string eventDay, string door, string barcode, CancellationToken cancellationToken)
    {
        using var span = source.StartVenueAdmission(eventDay); // clean precision-names
        span.SetVenueGate(door);
        var ticket = await platform.FindByBarcodeAsync(barcode, cancellationToken);
        if (ticket is null)
        {
            span.AddVenueAdmissionRefusedEvent("unknown barcode");
            return false;
        }

        span.SetVenueAttendeeId(pseudonymizer.PseudonymizeVenueAttendeeId(ticket.AttendeeEmail)); // clean precision-pseudonym
        Activity.Current?.SetTag(VenueAttributes.AttendeeContact, ticket.AttendeeEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag("badge.bucket", ticket.AttendeeName.GetHashCode() & 31); // leak TC1002 hashes
        meter.CreateVenueScansCounter().Add(1, venueGate: door, venueOutcome: ticket.Tier); // clean generated-api
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketId} moved from {From} to {To}")]
    private partial void LogTransferred(string ticketId, Pseudonym from, Pseudonym to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Badge for {TicketId} printed as {BadgeHandle}")]
    private partial void LogBadgePrinted(string ticketId, [PrivateData] string badgeHandle);
}
