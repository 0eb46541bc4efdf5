using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout44.Support;
using PrivacyHoldout44.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout44.Retail;

public sealed record LeadPassenger(string Title, string FirstName, string LastName, string Email, string Phone, DateOnly DateOfBirth);

public sealed record PartyMember(string FirstName, string LastName, DateOnly DateOfBirth);

public sealed record HolidayBookingRequest(
    string PackageCode,
    DateOnly Departure,
    int Nights,
    string RoomType,
    LeadPassenger Lead,
    IReadOnlyList<PartyMember> Party,
    string? LoyaltyCardNumber,
    string? SpecialRequests);

public sealed record HolidayBooking(string BookingReference, string PackageCode, decimal Total, int PointsEarned);

public sealed class BookingEngineOptions
{
    public required Uri BaseAddress { get; init; }
}

/// <summary>The shop's holidays counter: package holidays booked in store and online, paid partly with loyalty points.</summary>
[ApiController]
[Route("holidays/bookings")]
public sealed class HolidayBookingsController(
    HttpClient bookingEngine,
    BookingEngineOptions options,
    IKeyValueStore recentBookings,
    Pseudonymizer pseudonymizer,
    ILogger<HolidayBookingsController> logger) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult> Create([FromBody] HolidayBookingRequest request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("holiday.package", request.PackageCode); // clean precision-names
        activity?.SetTag("holiday.party_size", request.Party.Count + 1);
        activity?.SetTag("holiday.nights", request.Nights);
        activity?.SetTag("holiday.loyalty.present", request.LoyaltyCardNumber is not null); // clean precision-about
        activity?.SetTag("holiday.lead.email_domain", request.Lead.Email[(request.Lead.Email.IndexOf('@') + 1)..]); // clean precision-about

        var duplicateKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Lead.Email.Trim().ToLowerInvariant()}|{request.PackageCode}|{request.Departure:yyyyMMdd}")));
        if (await recentBookings.GetAsync(duplicateKey, cancellationToken) is { } existingReference)
        {
            logger.LogWarning("Possible double booking {DuplicateKey}, existing {BookingReference}", duplicateKey, existingReference); // leak TC1002 hashes
            return Ok(new { existingReference });
        }

        logger.LogDebug("Holiday booking request {@Request}", request); // leak TC1001 logging-objects

        var response = await bookingEngine.PostAsJsonAsync(new Uri(options.BaseAddress, "bookings"), request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Booking engine answered {Status} for package {Package} departing {Departure}", (int)response.StatusCode, request.PackageCode, request.Departure); // clean precision-about
            return BadRequest("The holiday could not be booked.");
        }

        var booking = (await response.Content.ReadFromJsonAsync<HolidayBooking>(cancellationToken))!;
        await recentBookings.SetAsync(duplicateKey, booking.BookingReference, TimeSpan.FromMinutes(30), cancellationToken);

        activity?.SetTag("holiday.booking_reference", booking.BookingReference); // clean precision-names
        activity?.SetTag("holiday.customer", pseudonymizer.ComputeTravelTravellerId(request.Lead.Email)); // clean precision-pseudonym
        activity?.SetTag(TravelAttributes.TravellerContact, pseudonymizer.ComputeTravelTravellerId(request.Lead.Email)); // leak TC1001 precision-pseudonym
        if (request.SpecialRequests is { Length: > 0 } specialRequests)
        {
            logger.LogInformation("Special requests for {BookingReference}: {SpecialRequests}", booking.BookingReference, specialRequests); // leak TC1001 direct
        }

        logger.LogInformation("Booked {BookingReference}: {Nights} nights, {Points} points earned, lead passenger aged {Age}", booking.BookingReference, request.Nights, booking.PointsEarned, AgeOn(request.Lead.DateOfBirth, request.Departure)); // clean precision-about
        return Ok(booking);
    }

    [HttpGet("{bookingReference}")]
    public async Task<ActionResult> Find(string bookingReference, string surname, CancellationToken cancellationToken)
    {
        var lookup = new Uri(options.BaseAddress, $"bookings/{bookingReference}?surname={Uri.EscapeDataString(surname)}");
        var response = await bookingEngine.GetAsync(lookup, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogInformation("Manage-my-booking lookup failed: {Status} for {Path}", (int)response.StatusCode, lookup.AbsolutePath); // clean strings
            logger.LogDebug("Lookup request was {Lookup}", lookup); // leak TC1001 strings
            return NotFound();
        }

        return Ok(await response.Content.ReadFromJsonAsync<HolidayBooking>(cancellationToken));
    }

    private static int AgeOn(DateOnly dateOfBirth, DateOnly day) =>
        day.Year - dateOfBirth.Year - (day.DayOfYear < dateOfBirth.DayOfYear ? 1 : 0);
}
