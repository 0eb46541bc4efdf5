using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout44.Support;
using PrivacyHoldout44.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout44.Transport;

/// <summary>The passport or identity card a passenger enters at online check-in (advance passenger information).</summary>
public sealed record TravelDocument(
    string DocumentType,
    string Number,
    string IssuingCountry,
    string Nationality,
    DateOnly DateOfBirth,
    DateOnly Expiry,
    string Surname,
    string GivenNames);

public sealed record CheckInCommand(
    string RecordLocator,
    string Surname,
    int PassengerIndex,
    TravelDocument Document,
    string? PreferredSeat) : IRequest<CheckInResult>;

public sealed record CheckInResult(bool Accepted, string? Seat, string? BoardingPassBarcode, string? Reason);

public sealed class TravelDocumentRejectedException(string documentNumber, string reason)
    : Exception($"Travel document {documentNumber} rejected: {reason}")
{
    public string Reason { get; } = reason;
}

public sealed class SeatUnavailableException(string flight, string seat)
    : Exception($"Seat {seat} on {flight} is no longer available");

public interface IApisValidator
{
    void Validate(TravelDocument document, FlightSegment segment);
}

/// <summary>Checks the document the passenger typed against the rules of the destination.</summary>
public sealed class ApisValidator : IApisValidator
{
    public void Validate(TravelDocument document, FlightSegment segment)
    {
        if (document.Expiry < segment.DepartureDate.AddMonths(6))
        {
            throw new TravelDocumentRejectedException(document.Number, "expires-within-six-months");
        }

        if (document.Number.Length is < 6 or > 12)
        {
            throw new TravelDocumentRejectedException(document.Number, "number-format");
        }
    }
}

public interface ISeatMap
{
    Task<string> AllocateAsync(FlightSegment segment, string? preferredSeat, CancellationToken cancellationToken);
}

public sealed partial class OnlineCheckInHandler(
    IGdsClient gds,
    IApisValidator apis,
    ISeatMap seatMap,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<OnlineCheckInHandler> logger) : IRequestHandler<CheckInCommand, CheckInResult>
{
    public async Task<CheckInResult> Handle(CheckInCommand command, CancellationToken cancellationToken)
    {
        using var span = source.StartTravelCheckin(command.RecordLocator); // clean precision-names
        var pnr = await gds.RetrievePnrAsync(command.RecordLocator, cancellationToken);
        if (pnr is null || !pnr.Passengers.Any(p => p.Surname.Equals(command.Surname, StringComparison.OrdinalIgnoreCase)))
        {
            logger.LogWarning("No booking {RecordLocator} for surname {Surname}", command.RecordLocator, command.Surname); // leak TC1001 direct
            return new CheckInResult(false, null, null, "not-found");
        }

        var passenger = pnr.Passengers[command.PassengerIndex];
        var segment = pnr.Segments[0];
        span.SetTravelTravellerId(pseudonymizer.PseudonymizeTravelTravellerId(passenger.FrequentFlyerNumber ?? $"{pnr.RecordLocator}/{passenger.Index}")); // clean precision-pseudonym
        span.SetTravelSegmentCount(pnr.Segments.Count);

        var document = command.Document;
        Activity.Current?.SetTag("checkin.document.type", document.DocumentType);
        Activity.Current?.SetTag("checkin.document.nationality", document.Nationality); // clean precision-about
        Activity.Current?.SetTag("checkin.document.expiry_month", document.Expiry.ToString("yyyy-MM")); // clean precision-about
        Activity.Current?.SetTag("checkin.document.number", document.Number); // leak TC1001 direct

        try
        {
            apis.Validate(document, segment);
        }
        catch (TravelDocumentRejectedException ex)
        {
            span.AddTravelDocumentRejectedEvent(ex.Reason); // clean exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogWarning(ex, "Advance passenger information rejected for {RecordLocator}", pnr.RecordLocator); // leak TC1001 exceptions
            return new CheckInResult(false, null, null, ex.Reason);
        }

        string seat;
        try
        {
            seat = await seatMap.AllocateAsync(segment, command.PreferredSeat, cancellationToken);
        }
        catch (SeatUnavailableException ex)
        {
            logger.LogInformation(ex, "Preferred seat taken, allocating from the open seat map"); // clean exceptions
            seat = await seatMap.AllocateAsync(segment, null, cancellationToken);
        }

        Activity.Current?.SetTag("checkin.seat", seat); // clean precision-names

        var barcode = BoardingPass.Encode(passenger, pnr.RecordLocator, segment, seat);
        logger.LogDebug("Boarding pass barcode {Barcode}", barcode); // leak TC1001 strings
        LogBoardingPassIssued(pnr.RecordLocator, segment.Designator, seat); // clean precision-names
        return new CheckInResult(true, seat, barcode, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Boarding pass issued for {RecordLocator} on {Flight}, seat {Seat}")]
    private partial void LogBoardingPassIssued(string recordLocator, string flight, string seat);
}

internal static class BoardingPass
{
    // IATA bar-coded boarding pass, format M: the passenger's name (20 characters), the PNR, the route,
    // the flight, the Julian date of the flight, the compartment, the seat and the check-in sequence.
    public static string Encode(PnrPassenger passenger, string recordLocator, FlightSegment segment, string seat)
    {
        var name = $"{passenger.Surname}/{passenger.GivenName}".ToUpperInvariant().PadRight(20)[..20];
        return $"M1{name}E{recordLocator,-7}{segment.Origin}{segment.Destination}{segment.Carrier,-3}{segment.FlightNumber.PadLeft(4, '0')} "
            + $"{segment.DepartureDate.DayOfYear:000}{segment.BookingClass}{seat.PadLeft(4, '0')}0001 100";
    }
}
