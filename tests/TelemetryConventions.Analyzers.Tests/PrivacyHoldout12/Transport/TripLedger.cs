using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout12.Support;
using PrivacyHoldout12.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout12.Transport;

/// <summary>Registered on TransitDbContext; the ledger's commands filter trips by @card.</summary>
public sealed partial class TripLedgerCommandInterceptor(ILogger<TripLedgerCommandInterceptor> logger) : DbCommandInterceptor
{
    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        var activity = Activity.Current;
        activity?.SetTag("db.operation.source", eventData.CommandSource.ToString()); // clean direct
        activity?.SetTag("db.query.text", command.CommandText); // clean strings
        var card = command.Parameters.Cast<DbParameter>().FirstOrDefault(p => p.ParameterName == "@card")?.Value;
        logger.LogError(eventData.Exception, "Trip ledger command failed for card {TravelCard}", card); // leak TC1001 cross-member
        return Task.CompletedTask;
    }
}

public sealed record TripHistoryQuery(string RiderAccountId, DateOnly From, DateOnly To);

public sealed partial class TripHistoryService(TransitDbContext db, ILogger<TripHistoryService> logger)
{
    public async Task<IReadOnlyList<Trip>> GetAsync(TripHistoryQuery query, CancellationToken cancellationToken)
    {
        Baggage.SetBaggage("transport.rider", query.RiderAccountId); // leak TC1001 direct
        logger.LogDebug("Trip history of " + query.RiderAccountId + " from " + query.From.ToString("yyyy-MM-dd")); // leak TC1001 strings
        var trips = await db.Trips.AsNoTracking().Where(t => t.RiderAccountId == query.RiderAccountId).ToListAsync(cancellationToken);
        Activity.Current?.SetTag("transport.trips.returned", trips.Count); // clean precision-about
        return trips;
    }

    public async Task<string?> DepotOfBusAsync(string fleetNumber, CancellationToken cancellationToken)
    {
        var bus = await db.Buses.AsNoTracking().FirstOrDefaultAsync(b => b.FleetNumber == fleetNumber, cancellationToken);
        Activity.Current?.SetTag("transport.bus.plate", bus?.Plate); // clean direct
        return bus?.DepotCode;
    }
}

/// <summary>Right to erasure for a travel card: trips are kept for revenue reporting, the card is replaced by a pseudonym.</summary>
public sealed partial class TravelCardErasureJob(
    TransitDbContext db,
    ILogger<TravelCardErasureJob> logger,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Transport.Erasure");

    private readonly Counter<long> _erasedTrips = meter.CreateCounter<long>("transport.erasure.trips", "{trip}");

    public async Task<int> EraseAsync(string erasureRequestId, string travelCardNumber, CancellationToken cancellationToken)
    {
        using var run = Source.StartErasureRun(erasureRequestId); // clean generated-api
        run.SetPersistenceSubjectId(pseudonymizer.PseudonymizePersistenceSubjectId(travelCardNumber)); // clean precision-pseudonym
        var specification = new TripsForCard(travelCardNumber);
        var trips = await db.Trips.IgnoreQueryFilters().Where(specification).ToListAsync(cancellationToken);
        logger.LogInformation("Erasing trips matching {Specification}", specification); // leak TC1001 cross-member

        var replacement = pseudonymizer.ComputePersistenceSubjectId(travelCardNumber);
        foreach (var trip in trips)
        {
            trip.TravelCardNumber = replacement;
            trip.RiderAccountId = null;
        }

        var rows = await db.SaveChangesAsync(cancellationToken);
        run.SetErasureRows(rows); // clean generated-api
        _erasedTrips.Add(rows, new KeyValuePair<string, object?>("transport.card", travelCardNumber)); // leak TC1003 direct
        logger.LogInformation("Trips of card ending {CardLastFour} erased: {Rows}", travelCardNumber[^4..], rows); // clean precision-about
        var subjectDigest = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(travelCardNumber)));
        Activity.Current?.SetTag("transport.erasure.subject_digest", subjectDigest); // leak TC1002 hashes
        return rows;
    }
}
