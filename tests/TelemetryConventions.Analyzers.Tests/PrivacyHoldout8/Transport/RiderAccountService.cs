using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout8.Support;
using PrivacyHoldout8.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout8.Transport;

public sealed class Rider
{
    public required string RiderId { get; init; }

    public required string Email { get; init; }

    public string? TravelCardNumber { get; set; }

    public string FareZone { get; init; } = "1";
}

public sealed class RiderDbContext : DbContext
{
    public DbSet<Rider> Riders { get; } = new(Array.Empty<Rider>());
}

/// <summary>Links a travel card to a rider account; the pseudonym of the rider is kept for the request.</summary>
public sealed class RiderAccountService(RiderDbContext db, Pseudonymizer pseudonymizer, ILogger<RiderAccountService> logger)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout8.Transport.Accounts");
    private static readonly Meter Meter = new("PrivacyHoldout8.Transport.Accounts");

    private Rider? _rider;
    private Pseudonym _riderRef;

    public async Task LinkCardAsync(string email, string travelCardNumber, CancellationToken cancellationToken)
    {
        _rider = await db.Riders.FirstOrDefaultAsync(r => r.Email == email, cancellationToken);
        if (_rider is null)
        {
            return;
        }
        _riderRef = pseudonymizer.Pseudonymize(TelemetryPseudonyms.JourneyRiderIdDomain, _rider.RiderId);
        _rider.TravelCardNumber = travelCardNumber;
        await db.SaveChangesAsync(cancellationToken);
        Tag();
    }

    private void Tag()
    {
        using var trip = Source.StartJourneyTrip(_riderRef); // clean cross-member
        trip.SetJourneyNote(_rider!.FareZone); // clean generated-api
        trip.SetJourneyTripId(_rider.TravelCardNumber ?? string.Empty); // leak TC1001 generated-api
        trip.AddJourneyTripDelayedEvent(_rider.Email); // leak TC1001 generated-api
        Meter.CreateJourneyTripsCounter().Add(1, journeySite: _rider.FareZone); // clean generated-api
        Meter.CreateJourneyTripsCounter().Add(1, journeyNote: _riderRef.Value); // leak TC1003 precision-pseudonym
        trip.Activity?.SetTag("rider.card_token", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_rider.TravelCardNumber ?? string.Empty)))[..16]); // leak TC1002 hashes
        trip.Activity?.SetTag("rider.email_verified", _rider.Email.Contains('@')); // clean precision-about
        logger.LogInformation("Card linked for rider {Rider}", _rider.RiderId); // leak TC1001 cross-member
        logger.LogInformation("Card linked for rider {RiderRef}", _riderRef); // clean precision-pseudonym
    }
}
