using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PrivacyHoldout61.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout61.Transport;

public sealed record Rider(Guid RiderId, string Email, string FullName, TravelCardNumber Card, string? RailcardNumber, string? RailcardType);

public sealed record Booking(string JourneyId, string Origin, string Destination, DateTime Departs, TicketsFareType FareType, decimal Price, string Coach, string Seat);

/// <summary>Issues e-tickets: the ticket text, the barcode, the wallet pass and the confirmation email.</summary>
public sealed class ETicketIssuer(ActivitySource source, ILogger<ETicketIssuer> logger, Meter meter, Pseudonymizer pseudonymizer)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public string Issue(Rider rider, Booking booking)
    {
        var route = string.Concat(booking.Origin, "-", booking.Destination);
        using var span = source.StartTicketsIssue(booking.JourneyId, route, spanName: $"eticket {route}"); // clean precision-names
        span.SetTicketsRiderId(pseudonymizer.PseudonymizeTicketsRiderId(rider.RiderId.ToString())).SetTicketsCardId(pseudonymizer.PseudonymizeTicketsCardId(rider.Card.Digits)).SetTicketsFareType(booking.FareType); // clean precision-pseudonym

        var reference = string.Create(14, booking, static (chars, b) =>
        {
            b.JourneyId.AsSpan(b.JourneyId.Length - 5).CopyTo(chars);
            chars[5] = '-';
            b.Coach.AsSpan().CopyTo(chars[6..]);
            var seatStart = 6 + b.Coach.Length;
            chars[seatStart] = '/';
            var seat = b.Seat.AsSpan();
            seat.CopyTo(chars[(seatStart + 1)..]);
            chars[(seatStart + 1 + seat.Length)..].Fill('0');
        });
        span.Activity?.SetTag("tickets.reference", reference); // clean precision-names

        var barcode = $"{reference}|{booking.Origin}{booking.Destination}|{booking.Departs:yyyyMMddHHmm}|{rider.FullName.ToUpperInvariant()}|{rider.RailcardNumber ?? "-"}";
        logger.LogDebug("Barcode payload {Payload}", barcode); // leak TC1001 strings
        logger.LogDebug("Barcode payload of {Length} characters for {Reference}", barcode.Length, reference); // clean precision-about

        var pass = $$"""
            {
              "formatVersion": 1,
              "serialNumber": "{{reference}}",
              "description": "{{booking.Origin}} to {{booking.Destination}}",
              "primaryFields": [{ "key": "passenger", "value": "{{rider.FullName}}" }],
              "auxiliaryFields": [{ "key": "card", "value": "{{rider.Card:L4}}" }]
            }
            """;
        span.SetTicketsNote(pass); // leak TC1001 generated-api
        var passShape = $$"""{ "serialNumber": "{{reference}}", "fields": 2, "card": "{{rider.Card:L4}}" }""";
        span.Activity?.AddEvent(new ActivityEvent("wallet.pass", tags: new ActivityTagsCollection { ["pass.shape"] = passShape })); // clean precision-about

        span.Activity?.SetTag("tickets.card.display", rider.Card.ToString("L4", EnGb)); // clean precision-about
        span.Activity?.SetTag("tickets.card.issuer", $"{rider.Card:I}"); // clean precision-about
        span.Activity?.SetTag("tickets.card.printed", $"Card {rider.Card}"); // leak TC1001 strings

        Span<char> buffer = stackalloc char[32];
        if (rider.Card.TryFormat(buffer, out var written, "L4", EnGb))
        {
            logger.LogInformation("Ticket {Reference} for card {Card}", reference, buffer[..written].ToString()); // clean precision-about
        }

        FormattableString subject = $"Your e-ticket {booking.Origin} to {booking.Destination} on {booking.Departs:ddd d MMM}";
        logger.LogInformation("Confirmation subject {Subject}", subject.ToString(EnGb)); // clean strings
        var toLine = $"{rider.FullName} <{rider.Email}>";
        logger.LogInformation("Confirmation to {To}", toLine); // leak TC1001 strings

        logger.LogTicketsIssuedEvent(booking.JourneyId, route, ticketsRiderId: pseudonymizer.PseudonymizeTicketsRiderId(rider.RiderId.ToString()), ticketsNote: $"{booking.FareType.ToWireValue()} {booking.Price.ToString("C", EnGb)}, coach {booking.Coach} seat {booking.Seat}"); // clean generated-api
        logger.LogTicketsIssuedEvent(booking.JourneyId, route, ticketsNote: rider.RailcardNumber is null ? "no railcard" : $"railcard {rider.RailcardNumber}"); // leak TC1001 generated-api
        meter.CreateTicketsIssuedCounter().Add(1, route, booking.FareType); // clean precision-names
        meter.CreateTicketsIssuedCounter().Add(1, $"{route}:{rider.RailcardType ?? "none"}", booking.FareType); // clean precision-names
        return pass;
    }
}
