using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Support;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Transport;

public sealed record BookingRequest(string PassengerId, string PassengerPhone, string PickupStopCode, string DropoffStopCode, DateTimeOffset PickupAfter, bool Wheelchair, int Companions);

public sealed record Assignment(string BookingId, string VehicleId, string DriverBadge, DateTimeOffset Eta);

public interface IDispatcher
{
    Task<Assignment?> AssignAsync(BookingRequest request, CancellationToken cancellationToken);
}

public sealed class NoVehicleAvailableException(BookingRequest request)
    : Exception($"No vehicle for passenger {request.PassengerId} from {request.PickupStopCode} after {request.PickupAfter:t}");

/// <summary>On-demand minibus bookings: the passenger app posts a trip, dispatch assigns a vehicle.</summary>
public static class BookingEndpoints
{
    private static readonly ActivitySource Source = new("Transit.OnDemand");
    private static readonly Meter BookingMeter = new("Transit.OnDemand");
    private static readonly Histogram<double> Eta = BookingMeter.CreateHistogram<double>("transit.ondemand.eta", "min");

    public static EndpointRoutes MapBookings(this EndpointRoutes routes) =>
        routes.MapPost("/bookings", async (BookingRequest request, IDispatcher dispatcher, Pseudonymizer pseudonymizer, ILogger<Assignment> logger, CancellationToken cancellationToken) =>
        {
            var rider = pseudonymizer.PseudonymizeTransitRiderId(request.PassengerId);
            using var span = Source.StartTransitTap(rider, spanName: "transit.ondemand.book") // clean generated-api
                .SetTransitTapNote(request.Wheelchair ? "wheelchair space" : "seated"); // clean generated-api
            var activity = span.Activity;
            activity?.SetTag("transit.ondemand.pickup_stop", request.PickupStopCode); // clean precision-names
            activity?.SetTag("transit.ondemand.party_size", 1 + request.Companions);
            activity?.SetTag("transit.ondemand.callback", request.PassengerPhone); // leak TC1001 direct

            Assignment? assignment;
            try
            {
                assignment = await dispatcher.AssignAsync(request, cancellationToken) ?? throw new NoVehicleAvailableException(request);
            }
            catch (NoVehicleAvailableException ex)
            {
                span.RecordException(ex, "no vehicle", includeMessage: true); // leak TC1001 exceptions
                logger.LogInformation("No vehicle from {Stop} for a party of {Size}", request.PickupStopCode, 1 + request.Companions); // clean exceptions
                return Results.NotFound("no vehicle available");
            }

            activity?.SetTag("transit.ondemand.booking_id", assignment.BookingId); // clean precision-names
            activity?.SetTag("transit.vehicle.id", assignment.VehicleId); // clean precision-names
            var minutes = (assignment.Eta - DateTimeOffset.UtcNow).TotalMinutes;
            Eta.Record(minutes, new KeyValuePair<string, object?>("transit.ondemand.pickup_stop", request.PickupStopCode)); // clean precision-names
            Eta.Record(minutes, new KeyValuePair<string, object?>("transit.rider", rider)); // leak TC1003 precision-pseudonym

            var confirmation = $"Booking {assignment.BookingId}: vehicle {assignment.VehicleId} at {assignment.Eta:t}, text updates to {request.PassengerPhone}";
            logger.LogInformation(confirmation); // leak TC1001 strings
            logger.LogInformation("Booking {BookingId} assigned to vehicle {VehicleId} for rider {Rider}", assignment.BookingId, assignment.VehicleId, rider); // clean precision-pseudonym
            return Results.Ok(assignment);
        });
}
