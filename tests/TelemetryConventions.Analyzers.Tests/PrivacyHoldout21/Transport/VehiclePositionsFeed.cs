using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout21.Support.TransitRealtime;
using PrivacyHoldout21.Telemetry;

namespace PrivacyHoldout21.Transport;

/// <summary>A position report from a bus's on-board unit; the driver is the one signed on to the ticket machine.</summary>
public sealed record AvlPing(string VehicleId, string FleetNumber, string Registration, string? TripId, string? RouteId, double Latitude, double Longitude, float Bearing, int Passengers, int Capacity, string DriverStaffNumber, DateTimeOffset At);

/// <summary>Publishes the operator's GTFS-Realtime VehiclePositions feed and reads partners' TripUpdates.</summary>
public sealed class VehiclePositionsFeed(ILogger<VehiclePositionsFeed> logger, TimeProvider time)
{
    private static readonly ActivitySource Source = new("Transit.GtfsRt");
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    public byte[] Build(IReadOnlyCollection<AvlPing> pings)
    {
        var now = time.GetUtcNow();
        var feed = new FeedMessage { Header = { Timestamp = (ulong)now.ToUnixTimeSeconds() } };
        foreach (var ping in pings)
        {
            if (now - ping.At > StaleAfter)
            {
                logger.LogWarning("Stale position from bus {FleetNumber} ({Registration}), last at {At}", ping.FleetNumber, ping.Registration, ping.At); // clean precision-names
                logger.LogDebug("Stale ping {Ping}", ping); // leak TC1001 logging-objects
                continue;
            }

            feed.Entity.Add(new FeedEntity
            {
                Id = ping.VehicleId,
                Vehicle = new VehiclePosition
                {
                    Trip = ping.TripId is null ? null : new TripDescriptor { TripId = ping.TripId, RouteId = ping.RouteId },
                    Vehicle = new VehicleDescriptor { Id = ping.VehicleId, Label = ping.FleetNumber, LicensePlate = ping.Registration },
                    Position = new Position { Latitude = (float)ping.Latitude, Longitude = (float)ping.Longitude, Bearing = ping.Bearing },
                    OccupancyStatus = Occupancy(ping.Passengers, ping.Capacity),
                    Timestamp = (ulong)ping.At.ToUnixTimeSeconds(),
                },
            });
        }

        using var span = Source.StartInterchangeMessage("gtfs-rt", "VehiclePositions");
        span.SetInterchangeControlRef(feed.Header.Timestamp.ToString(CultureInfo.InvariantCulture));
        span.SetInterchangeSegmentCount(feed.Entity.Count); // clean precision-about
        Activity.Current?.SetTag("gtfs_rt.version", feed.Header.GtfsRealtimeVersion);
        foreach (var untracked in feed.Entity.Where(e => e.Vehicle?.Trip is null))
        {
            logger.LogInformation("Bus not on a trip {@Vehicle}", untracked.Vehicle!.Vehicle); // clean logging-objects
        }

        return feed.ToByteArray();
    }

    public void ReadPartnerTripUpdates(string partner, byte[] data)
    {
        var feed = FeedMessage.ParseFrom(data);
        using var span = Source.StartInterchangeMessage("gtfs-rt", "TripUpdates");
        span.SetInterchangePartner(partner); // clean generated-api
        foreach (var update in feed.Entity.Select(e => e.TripUpdate).OfType<TripUpdate>())
        {
            var worst = update.StopTimeUpdate.Select(s => s.Arrival?.Delay ?? 0).DefaultIfEmpty(0).Max();
            if (worst > 600)
            {
                logger.LogInformation("Trip {TripId} on route {RouteId} is {Delay}s late", update.Trip.TripId, update.Trip.RouteId, worst); // clean direct
            }
        }
    }

    public void OnDriverSignOn(AvlPing ping)
    {
        Activity.Current?.SetTag("avl.vehicle_id", ping.VehicleId); // clean direct
        Activity.Current?.SetTag("avl.driver", ping.DriverStaffNumber); // leak TC1001 direct
    }

    private static string Occupancy(int passengers, int capacity) => (passengers * 100 / Math.Max(capacity, 1)) switch
    {
        < 10 => "EMPTY",
        < 50 => "MANY_SEATS_AVAILABLE",
        < 80 => "FEW_SEATS_AVAILABLE",
        < 100 => "STANDING_ROOM_ONLY",
        _ => "FULL",
    };
}
