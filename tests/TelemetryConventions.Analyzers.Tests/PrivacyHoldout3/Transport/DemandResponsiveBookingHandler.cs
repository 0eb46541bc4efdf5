using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Transport;

public sealed record BookingRequest(string PassengerId, string PickupStop, string DropoffStop, int Seats, string? MobilityNeeds, string PassengerPhone);

public sealed record Booking(string BookingId, string PassengerId, string RouteId, DateTimeOffset PickupAt);

public sealed partial class DemandResponsiveBookingHandler(
    ILogger<DemandResponsiveBookingHandler> logger,
    Meter meter,
    ActivitySource source,
    Pseudonymizer pseudonymizer)
{
    private readonly Histogram<int> _seats = meter.CreateHistogram<int>("drt.booking.seats");
    private readonly Dictionary<string, Booking> _byPassenger = new();

    [LoggerMessage(Level = LogLevel.Information, Message = "Booked {@Booking}")]
    private partial void LogBooked(Booking booking);

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} on route {RouteId}")]
    private partial void LogBookedOnRoute(string bookingId, string routeId);

    public Booking Book(BookingRequest request, string routeId)
    {
        var booking = new Booking($"B{Random.Shared.Next(100000, 999999)}", request.PassengerId, routeId, DateTimeOffset.UtcNow.AddMinutes(20));
        _byPassenger[request.PassengerId] = booking;

        LogBooked(booking); // leak TC1001 logging-objects
        LogBookedOnRoute(booking.BookingId, booking.RouteId); // clean logging-objects
        _seats.Record(request.Seats, new KeyValuePair<string, object?>("drt.route", routeId)); // clean direct
        _seats.Record(request.Seats, new KeyValuePair<string, object?>("drt.mobility_needs", request.MobilityNeeds is not null)); // clean precision-about

        using var span = source.StartFareTap(pseudonymizer.PseudonymizeFarePassengerId(request.PassengerId));
        span.SetFareTripId(booking.BookingId).SetFareLegsCount(1); // clean generated-api
        span.SetFareMedium(FareMediumValue.Custom(request.PassengerPhone)); // leak TC1001 generated-api
        return booking;
    }

    public void TagBookingsFor(IEnumerable<string> passengerIds)
    {
        var known = passengerIds.Where(_byPassenger.ContainsKey).ToList();
        Activity.Current?.SetTag("drt.known_passengers", known.Count); // clean precision-about
        Activity.Current?.SetTag("drt.first_known", known.FirstOrDefault()); // leak TC1001 cross-member
        Activity.Current?.SetTag("drt.routes", string.Join(",", known.Select(p => _byPassenger[p].RouteId))); // clean precision-about
    }

    public void TagDigest(BookingRequest request)
    {
        using var sha = SHA512.Create();
        var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(request.PassengerPhone));
        Activity.Current?.SetTag("drt.contact_digest", Convert.ToBase64String(digest, 0, 12)); // leak TC1002 hashes
        Activity.Current?.SetTag("drt.contact_ref", pseudonymizer.Compute("drt.passenger.phone", request.PassengerPhone)); // clean precision-pseudonym
    }

    public void Cancel(string passengerId, string reason)
    {
        if (!_byPassenger.Remove(passengerId, out var booking))
        {
            var error = new KeyNotFoundException($"No booking for passenger {passengerId}");
            Activity.Current?.AddException(error); // leak TC1001 exceptions
            return;
        }

        logger.LogInformation("Booking {BookingId} cancelled: {Reason}", booking.BookingId, reason); // clean direct
        logger.LogInformation("Booking cancelled for {Passenger}", booking.PassengerId); // leak TC1001 cross-member
    }
}
