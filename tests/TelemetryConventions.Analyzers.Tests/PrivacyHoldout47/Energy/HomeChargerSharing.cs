using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout47.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout47.Energy;

// A charger-sharing platform: householders (hosts) list the EV charger on their driveway, drivers book
// slots, and the platform pays the host for the energy and keeps a commission.

public sealed record ChargerListing(string ListingId, Guid HostId, string ChargerSerial, string StreetAddress, string OutwardCode, decimal PricePerKwh, int MaxKw);

public sealed record ChargeSlotBooking(string BookingId, string ListingId, Guid DriverId, string VehiclePlate, DateTimeOffset From, DateTimeOffset To);

public sealed record SessionEnded(string BookingId, string ChargerSerial, double EnergyKwh, string StopReason);

public interface IChargerListings
{
    Task<ChargerListing?> GetAsync(string listingId, CancellationToken cancellationToken);
}

public sealed class SlotAlreadyTakenException(string listingId, string vehiclePlate)
    : Exception($"Listing {listingId} is taken for vehicle {vehiclePlate}");

public sealed class ChargeBookingConsumer(IConsumer<string, ChargeSlotBooking> consumer, IChargerListings listings, ILogger<ChargeBookingConsumer> logger, Pseudonymizer pseudonymizer, Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Marketplace.Charging");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // The bookings topic is keyed by booking id.
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("charging.booking.consume", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-about
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            var booking = result.Message.Value;
            activity?.SetTag("charging.vehicle", booking.VehiclePlate); // leak TC1001 cross-member
            activity?.SetTag("charging.driver", pseudonymizer.PseudonymizeMarketPartyId(booking.DriverId.ToString())); // clean precision-pseudonym
            activity?.SetTag("charging.plate_prefix", booking.VehiclePlate[..2]); // clean precision-about

            var listing = await listings.GetAsync(booking.ListingId, stoppingToken);
            if (listing is null)
            {
                logger.LogWarning("Listing {ListingId} gone before booking {BookingId}", booking.ListingId, booking.BookingId); // clean precision-about
                continue;
            }

            activity?.SetTag("charging.charger.serial", listing.ChargerSerial); // leak TC1001 cross-member
            activity?.SetTag("charging.host.address", listing.StreetAddress); // leak TC1001 cross-member
            activity?.SetTag("charging.area", listing.OutwardCode); // clean precision-about
            activity?.SetTag("charging.max_kw", listing.MaxKw); // clean precision-about
            meter.CreateCounter<long>("charging.bookings").Add(1, new KeyValuePair<string, object?>("host", listing.HostId)); // leak TC1003 direct
            meter.CreateCounter<long>("charging.bookings.by_area").Add(1, new KeyValuePair<string, object?>("area", listing.OutwardCode)); // clean precision-about

            try
            {
                EnsureFree(listing, booking);
            }
            catch (SlotAlreadyTakenException ex)
            {
                logger.LogWarning("Booking rejected: {Reason}", ex.Message); // leak TC1001 exceptions
            }

            consumer.Commit(result);
        }
    }

    private static void EnsureFree(ChargerListing listing, ChargeSlotBooking booking)
    {
        if (booking.To <= booking.From)
        {
            throw new SlotAlreadyTakenException(listing.ListingId, booking.VehiclePlate);
        }
    }
}

public sealed class ChargeSessionTelemetry(ILogger<ChargeSessionTelemetry> logger)
{
    public void Ended(SessionEnded session)
    {
        logger.LogInformation("Session for booking {BookingId} delivered {Kwh} kWh ({StopReason})", session.BookingId, session.EnergyKwh, session.StopReason); // clean precision-about
        logger.LogInformation("Session ended {Session}", session); // leak TC1001 logging-objects
        var tags = new ActivityTagsCollection { ["charger.serial_model"] = session.ChargerSerial[..3], ["kwh"] = session.EnergyKwh };
        Activity.Current?.AddEvent(new ActivityEvent("charging.session.ended", tags: tags)); // clean precision-about
    }
}
