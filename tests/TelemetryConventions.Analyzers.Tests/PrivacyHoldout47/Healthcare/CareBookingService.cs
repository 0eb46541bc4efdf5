using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout47.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout47.Healthcare;

// A marketplace where independent home carers (self-employed people, not an agency) offer visits and
// clients (patients at home) book them.

public sealed record CareClient(Guid Id, string NhsNumber, string FullName, string Postcode, string Email);

public sealed record CarerProfile(Guid Id, string DisplayName, string Email, decimal HourlyRate, double Rating, int VisitsCompleted);

public sealed record VisitRequest(Guid ClientId, Guid CarerId, string ListingId, DateTimeOffset StartsAt, int Hours, string CareNeeds);

public sealed record VisitBooking(string BookingId, Guid ClientId, Guid CarerId, string ListingId, decimal Total, string Status);

public interface ICareDirectory
{
    Task<CareClient?> FindClientAsync(Guid clientId, CancellationToken cancellationToken);

    Task<CarerProfile?> FindCarerAsync(Guid carerId, CancellationToken cancellationToken);

    Task<VisitBooking> SaveAsync(VisitBooking booking, CancellationToken cancellationToken);
}

public sealed class CarerUnavailableException(Guid carerId, DateTimeOffset startsAt)
    : Exception($"Carer {carerId} has no availability at {startsAt:u}");

public sealed class CareBookingService(ICareDirectory directory, ILogger<CareBookingService> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Marketplace.Care");

    public async Task<VisitBooking?> BookAsync(VisitRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("care.visit.book");
        activity?.SetTag("care.listing.id", request.ListingId); // clean precision-about
        activity?.SetTag("care.carer.id", request.CarerId); // leak TC1001 direct
        activity?.SetTag("care.client.ref", pseudonymizer.ComputeMarketPartyId(request.ClientId.ToString())); // clean precision-pseudonym
        activity?.SetTag("care.visit.hours", request.Hours); // clean precision-about

        var client = await directory.FindClientAsync(request.ClientId, cancellationToken);
        if (client is null)
        {
            logger.LogWarning("No client record for booking request on listing {ListingId}", request.ListingId); // clean precision-about
            return null;
        }

        activity?.SetTag("care.client.nhs_number", client.NhsNumber); // leak TC1001 cross-member
        activity?.SetTag("care.client.district", client.Postcode.Split(' ')[0]); // clean precision-about

        var carer = await directory.FindCarerAsync(request.CarerId, cancellationToken);
        if (carer is null || carer.VisitsCompleted < 0)
        {
            var ex = new CarerUnavailableException(request.CarerId, request.StartsAt);
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogInformation("Carer unavailable ({ExceptionType})", ex.GetType().Name); // clean exceptions
            return null;
        }

        activity?.SetTag("care.carer.rating", carer.Rating); // clean precision-about
        activity?.SetTag("care.carer.name", carer.DisplayName); // leak TC1001 cross-member
        logger.LogInformation("Carer {CarerEmail} accepted a visit of {Hours}h", carer.Email, request.Hours); // leak TC1001 direct

        var booking = await directory.SaveAsync(
            new VisitBooking($"cv_{Guid.NewGuid():N}", client.Id, carer.Id, request.ListingId, carer.HourlyRate * request.Hours, "confirmed"),
            cancellationToken);

        logger.LogInformation("Visit booked {@Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Visit {BookingId} booked for {Total}", booking.BookingId, booking.Total); // clean precision-about
        activity?.SetTag("care.client.email_domain", client.Email[(client.Email.IndexOf('@') + 1)..]); // clean precision-about

        meter.CreateMarketBookingsCounter().Add(1, marketVertical: "home-care", marketOutcome: booking.Status); // clean precision-about
        meter.CreateMarketBookingsCounter().Add(1, marketVertical: "home-care", marketOutcome: $"booked:{carer.DisplayName}"); // leak TC1003 generated-api
        return booking;
    }

    public void TagCareNeeds(Activity? activity, VisitRequest request)
    {
        activity?.SetTag("care.needs.length", request.CareNeeds.Length); // clean precision-about
        activity?.SetTag("care.needs", request.CareNeeds); // leak TC1001 strings
    }
}
