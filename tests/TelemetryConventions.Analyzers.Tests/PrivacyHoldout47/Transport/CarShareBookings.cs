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

namespace PrivacyHoldout47.Transport;

// Peer-to-peer car sharing: owners list their private cars, guests book them, and the platform handles
// handover, damage claims between the two and the owner's earnings.

public sealed record CarListing(string ListingId, Guid OwnerId, string OwnerFirstName, string Plate, string Vin, string Make, string Model, string PickupArea, decimal DailyRate);

public sealed record TripBooking(string TripId, string ListingId, Guid GuestId, string GuestDrivingLicence, string GuestPhone, DateOnly From, DateOnly To);

public sealed record HandoverReport(string TripId, int OdometerStart, int FuelPercent, double Latitude, double Longitude, string OwnerNotes);

public sealed record DamageClaim(string ClaimId, string TripId, Guid OwnerId, Guid GuestId, decimal Estimate, string Description);

public interface ICarListings
{
    Task<CarListing?> FindAsync(string listingId, CancellationToken cancellationToken);
}

public sealed class LicenceCheckFailedException(string licenceNumber, string reason)
    : Exception($"Licence {licenceNumber} failed the check: {reason}");

public sealed class CarShareBookingService(ICarListings listings, ILogger<CarShareBookingService> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Marketplace.CarShare");

    public async Task<bool> ConfirmAsync(TripBooking booking, CancellationToken cancellationToken)
    {
        using var span = Source.StartMarketBooking("car-share");
        span.SetMarketBookingId(booking.TripId); // clean generated-api
        span.SetMarketListingId(booking.ListingId); // clean generated-api
        span.SetMarketPartyId(pseudonymizer.PseudonymizeMarketPartyId(booking.GuestId.ToString())); // clean generated-api

        var listing = await listings.FindAsync(booking.ListingId, cancellationToken);
        if (listing is null)
        {
            return false;
        }

        var activity = Activity.Current;
        activity?.SetTag("carshare.car", $"{listing.Make} {listing.Model}"); // clean precision-about
        activity?.SetTag("carshare.car.plate", listing.Plate); // leak TC1001 cross-member
        activity?.SetTag("carshare.car.vin", listing.Vin); // leak TC1001 cross-member
        activity?.SetTag("carshare.pickup_area", listing.PickupArea); // clean precision-about
        activity?.SetTag("carshare.days", booking.To.DayNumber - booking.From.DayNumber); // clean precision-about
        span.SetMarketNote($"owner {listing.OwnerFirstName} confirmed"); // leak TC1001 generated-api

        try
        {
            CheckLicence(booking.GuestDrivingLicence);
        }
        catch (LicenceCheckFailedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            return false;
        }

        logger.LogInformation("Trip {TripId} confirmed, guest phone {Phone}", booking.TripId, booking.GuestPhone); // leak TC1001 direct
        logger.LogInformation("Trip {TripId} confirmed, guest phone on file {HasPhone}", booking.TripId, booking.GuestPhone.Length > 0); // clean precision-about
        meter.CreateCounter<long>("carshare.trips").Add(1, new KeyValuePair<string, object?>("make", listing.Make)); // clean precision-about
        meter.CreateCounter<long>("carshare.trips.by_car").Add(1, new KeyValuePair<string, object?>("plate", listing.Plate)); // leak TC1003 cross-member
        return true;
    }

    private static void CheckLicence(string licenceNumber)
    {
        if (licenceNumber.Length != 16)
        {
            throw new LicenceCheckFailedException(licenceNumber, "format");
        }
    }
}

public sealed class HandoverService(ILogger<HandoverService> logger)
{
    public void Record(HandoverReport report)
    {
        logger.LogInformation("Handover for trip {TripId}: odometer {Odometer}, fuel {Fuel}%", report.TripId, report.OdometerStart, report.FuelPercent); // clean precision-about
        logger.LogInformation("Handover at {Lat},{Lon}", Math.Round(report.Latitude, 1), Math.Round(report.Longitude, 1)); // clean precision-about
        logger.LogInformation("Handover at {Lat},{Lon}", report.Latitude, report.Longitude); // leak TC1001 direct
        Activity.Current?.SetTag("handover.notes", report.OwnerNotes); // leak TC1001 strings
    }
}
