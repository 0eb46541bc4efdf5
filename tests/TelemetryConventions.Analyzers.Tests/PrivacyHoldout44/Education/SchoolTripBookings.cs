using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout44.Support;
using PrivacyHoldout44.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout44.Education;

public sealed record TripPupil(
    string StudentNumber,
    string LegalName,
    DateOnly DateOfBirth,
    string? PassportNumber,
    DateOnly? PassportExpiry,
    string? DietCode,
    string Gender);

public sealed record TripLeader(string StaffCode, string Name, string Email, string Mobile);

/// <summary>A residential trip booked with a tour operator as one group: coach, ferry and hostel.</summary>
public sealed record TripGroupBooking(
    string GroupCode,
    string TripName,
    DateOnly Departure,
    DateOnly Return,
    TripLeader Leader,
    IReadOnlyList<TripPupil> Pupils) : IRequest<string>;

/// <summary>The tour operator's manifest check: a field it refuses, with the value it refused.</summary>
public sealed class ManifestRejectedException(string pupilName, string field)
    : Exception($"Manifest rejected: {field} of '{pupilName}' is not valid for the ferry operator")
{
    public string Field { get; } = field;
}

public interface ITourOperatorClient
{
    /// <summary>Sends the manifest; throws <see cref="ManifestRejectedException"/> when the operator refuses a passenger.</summary>
    Task<string> SubmitManifestAsync(string groupCode, IReadOnlyList<TripPupil> pupils, TripLeader leader, CancellationToken cancellationToken);
}

public sealed record RoomingLine(string Room, IReadOnlyList<string> Occupants);

public sealed class SchoolTripBookingHandler(
    ITourOperatorClient tourOperator,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<SchoolTripBookingHandler> logger) : IRequestHandler<TripGroupBooking, string>
{
    public async Task<string> Handle(TripGroupBooking booking, CancellationToken cancellationToken)
    {
        using var span = source.StartTravelCheckin(booking.GroupCode); // clean precision-names
        span.SetTravelTravellerId(pseudonymizer.PseudonymizeTravelTravellerId(booking.Leader.StaffCode)); // clean precision-pseudonym
        span.SetTravelSegmentCount(booking.Return.DayNumber - booking.Departure.DayNumber); // clean precision-about
        Activity.Current?.SetTag("trip.name", booking.TripName); // clean precision-names
        Activity.Current?.SetTag("trip.pupils", booking.Pupils.Count);
        Activity.Current?.SetTag("trip.special_diets", booking.Pupils.Count(p => p.DietCode is not null));
        Activity.Current?.SetTag(TravelAttributes.TravellerContact, booking.Leader.Mobile); // leak TC1001 generated-api

        var expiring = booking.Pupils.Where(p => p.PassportExpiry is { } expiry && expiry < booking.Return.AddMonths(3)).ToList();
        foreach (var pupil in expiring)
        {
            logger.LogWarning("Passport of {StudentNumber} expires {Expiry}; the family has been asked to renew", pupil.StudentNumber, pupil.PassportExpiry); // leak TC1001 direct
        }

        logger.LogInformation("{Expiring} of {Pupils} passports expire too soon for {GroupCode}", expiring.Count, booking.Pupils.Count, booking.GroupCode); // clean precision-about

        var diets = new StringBuilder();
        foreach (var pupil in booking.Pupils.Where(p => p.DietCode is not null))
        {
            diets.Append(pupil.LegalName).Append('=').Append(pupil.DietCode).Append("; ");
        }

        span.SetTravelNote(diets.ToString()); // leak TC1001 generated-api

        var rooming = BuildRoomingList(booking.Pupils);
        logger.LogDebug("Rooming list for the hostel {@Rooming}", rooming); // leak TC1001 logging-objects
        logger.LogDebug("Rooms needed: {Rooms}", rooming.Select(r => r.Room).ToList()); // clean logging-objects

        try
        {
            return await tourOperator.SubmitManifestAsync(booking.GroupCode, booking.Pupils, booking.Leader, cancellationToken);
        }
        catch (ManifestRejectedException ex)
        {
            span.SetTravelNote($"manifest rejected on {ex.Field}"); // clean exceptions
            logger.LogError(ex, "Tour operator rejected the manifest for {GroupCode}", booking.GroupCode); // leak TC1001 exceptions
            throw;
        }
    }

    private static List<RoomingLine> BuildRoomingList(IReadOnlyList<TripPupil> pupils) =>
        pupils.GroupBy(p => p.Gender)
            .SelectMany(g => g.Chunk(4).Select((chunk, i) => new RoomingLine($"{g.Key}{i + 1}", chunk.Select(p => p.LegalName).ToList())))
            .ToList();
}
