using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout14.Support;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Transport;

public sealed record Booking(string BookingRef, string PassengerId, string PassengerName, string Route, int Seats, DateTimeOffset Departs);

public sealed record CancelledService(string ServiceCode, string Route, string OperatorCode);

public sealed record GateTap(string CardNumber, string Gate, string Station, DateTimeOffset At);

public interface IBookingStore
{
    ValueTask SaveAsync(Booking booking, CancellationToken cancellationToken);
}

public sealed class BookingService(
    IBookingStore store,
    ILogger<BookingService> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly Histogram<double> _rebookDelay = meter.CreateHistogram<double>("trip.rebook.delay", "s");

    public async Task<Booking> RebookAsync(Booking booking, CancelledService cancelled, DateTimeOffset newDeparture, CancellationToken cancellationToken)
    {
        var rebooked = booking with { Departs = newDeparture };
        var delay = newDeparture - booking.Departs;
        using var span = JourneyTelemetry.Source.StartTripBooking(booking.Route).SetTripPassengerId(pseudonymizer.PseudonymizeTripPassengerId(booking.PassengerId)).SetTripSeats(booking.Seats); // clean precision-pseudonym
        var activity = Activity.Current;

        span.SetTripReason($"rebooked after {cancelled.ServiceCode} was cancelled"); // clean generated-api
        activity?.SetTag("trip.booking.ref", booking.BookingRef);
        activity?.AddBaggage("trip.passenger.ref", pseudonymizer.ComputeTripPassengerId(booking.PassengerId)); // clean precision-pseudonym
        activity?.AddBaggage("trip.passenger", booking.PassengerId); // leak TC1001 direct

        if (delay > TimeSpan.FromHours(2))
        {
            span.SetTripReason($"long delay for {booking.PassengerName}, offer refund"); // leak TC1001 generated-api
        }

        meter.CreateTripDelayHistogram().Record(delay.TotalSeconds, tripRoute: booking.Route); // clean generated-api
        _rebookDelay.Record(delay.TotalSeconds, JourneyTelemetry.DelayTags(cancelled.Route, cancelled.OperatorCode, IsPeak(booking.Departs))); // clean cross-member
        _rebookDelay.Record(delay.TotalSeconds, new TagList { { TripAttributes.Route, booking.Route }, { TripAttributes.PassengerId, pseudonymizer.ComputeTripPassengerId(booking.PassengerId) } }); // leak TC1003 precision-pseudonym

        await store.SaveAsync(rebooked, cancellationToken);
        logger.LogInformation("Rebooked {Booking}", rebooked); // leak TC1001 logging-objects
        logger.LogInformation("Rebooked {BookingRef} onto {Route} with {Seats} seats", rebooked.BookingRef, rebooked.Route, rebooked.Seats); // clean direct
        return rebooked;

        static bool IsPeak(DateTimeOffset at) => at.Hour is >= 7 and < 10 or >= 16 and < 19;
    }

    public void OnTap(GateTap tap)
    {
        var activity = Activity.Current;
        activity?.SetTag("transit.gate", tap.Gate);
        activity?.SetTag("transit.card.last4", tap.CardNumber[^4..]); // clean precision-about

        // Used to spot double taps across gates.
        activity?.SetTag("transit.card.hash", Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(tap.CardNumber)))); // leak TC1002 hashes
        activity?.SetTag("transit.card.token", Convert.ToBase64String(Encoding.ASCII.GetBytes(tap.CardNumber))); // leak TC1001 hashes

        logger.LogInformation("Tap {CardNumber} at {Gate} in {Station}", tap.CardNumber, tap.Gate, tap.Station); // leak TC1001 direct
        logger.LogInformation("Tap by card ending {Last4} at {Gate}", tap.CardNumber[^4..], tap.Gate); // clean precision-about
    }

    public void OnFareCharged<TProduct>(string passengerId, decimal fare)
        where TProduct : IFareProduct<TProduct>
    {
        Activity.Current.TagFare<TProduct>(); // clean direct
        Activity.Current.TagPassenger(pseudonymizer, passengerId); // clean precision-pseudonym
        logger.LogInformation("Charged {Fare} for {Product} to {PassengerId}", fare, TProduct.Product, passengerId); // leak TC1001 direct
    }
}
