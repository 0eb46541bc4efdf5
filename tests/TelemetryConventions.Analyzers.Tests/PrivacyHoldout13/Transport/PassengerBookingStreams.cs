using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EventStore.Client;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout13.Support;
using PrivacyHoldout13.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout13.Transport;

public sealed record SeatBooked(string BookingRef, string PassengerId, string ServiceId, string Coach, string Seat, string RouteCode);

/// <summary>
/// Coach bookings are event sourced: the booking's stream (<c>booking-{ref}</c>) and the
/// passenger's travel history (<c>passenger-{id}</c>) both receive each booking.
/// </summary>
public sealed class PassengerBookingStreams(EventStoreClient store, Pseudonymizer pseudonymizer, Meter meter, ILogger<PassengerBookingStreams> logger)
{
    private static readonly ActivitySource Source = new("Coach.Bookings");
    private readonly Counter<long> _boardings = meter.CreateCounter<long>("coach.seats.booked", "{seat}");

    private static string PassengerStream(string passengerId) => "passenger-" + passengerId;

    public async Task BookAsync(SeatBooked booked, string operatorCode, EventMetadata metadata, CancellationToken ct)
    {
        Baggage.SetBaggage("coach.operator", operatorCode); // clean precision-about
        using var span = Source.StartLedgerAppend("booking", nameof(SeatBooked));
        span.SetLedgerAggregateId(booked.BookingRef); // clean precision-about
        var activity = Activity.Current;
        activity?.SetTag("eventstore.stream", $"booking-{booked.BookingRef}"); // clean precision-about
        activity?.SetTag("eventstore.history_stream", PassengerStream(booked.PassengerId)); // leak TC1001 cross-member
        activity?.SetTag("coach.service", booked.ServiceId);

        var data = new EventData(Uuid.NewUuid(), nameof(SeatBooked), JsonSerializer.SerializeToUtf8Bytes(booked), metadata.ToJson());
        await store.AppendToStreamAsync($"booking-{booked.BookingRef}", StreamState.NoStream, new[] { data }, ct);
        try
        {
            // The history stream is opened when the passenger registers; a booking never creates it.
            await store.AppendToStreamAsync(PassengerStream(booked.PassengerId), StreamState.StreamExists, new[] { data }, ct);
        }
        catch (StreamNotFoundException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        }

        _boardings.Add(1, new("route", booked.RouteCode), new("passenger", pseudonymizer.Pseudonymize("passenger.id", booked.PassengerId).Value)); // leak TC1003 precision-pseudonym
        _boardings.Add(1, new("route", booked.RouteCode), new("coach", booked.Coach)); // clean precision-about
        logger.LogInformation("Seat {Seat} booked on {ServiceId} for passenger {PassengerRef}", booked.Seat, booked.ServiceId, pseudonymizer.Compute("passenger.id", booked.PassengerId)); // clean precision-pseudonym
        logger.LogDebug("Booked by {UserId}", metadata.UserId); // leak TC1001 direct
    }
}
