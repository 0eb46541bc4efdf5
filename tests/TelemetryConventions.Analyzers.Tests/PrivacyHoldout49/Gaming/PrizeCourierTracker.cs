using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout49.Support;
using PrivacyHoldout49.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout49.Gaming;

public sealed record PrizeShipment(string ShipmentId, string TournamentId, string PlayerId, string Gamertag, string RecipientName, string Phone, string Postcode, string Item);

public sealed record CourierScan(string ShipmentId, string CourierId, string Status, GeoPoint Fix, string? RecipientSignatureName, string? SafePlace);

/// <summary>Tracks tournament prizes shipped by courier to winners' homes.</summary>
public static class PrizeCourierEndpoints
{
    private static readonly ActivitySource Source = new("Tournaments.Prizes");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/prizes/{shipmentId}/scan", async (string shipmentId, CourierScan scan, IPrizeStore store, ILogger<PrizeShipment> logger, Pseudonymizer pseudonymizer, System.Diagnostics.Metrics.Meter meter, CancellationToken ct) =>
        {
            var shipment = await store.GetAsync(shipmentId, ct);
            using var span = Source.StartFieldVisit("prize_delivery");
            span.SetFieldJobId(shipment.ShipmentId); // clean precision-names
            span.SetFieldClientId(pseudonymizer.PseudonymizeFieldClientId(shipment.PlayerId)); // clean generated-api
            span.SetFieldVisitOutcome(scan.Status); // clean generated-api
            Baggage.SetBaggage("tournament.id", shipment.TournamentId); // clean precision-names
            Baggage.SetBaggage("prize.winner", shipment.Gamertag); // leak TC1001 direct

            var key = $"{shipment.TournamentId}:{shipment.PlayerId}";
            var digest = BitConverter.ToUInt64(SHA1.HashData(Encoding.UTF8.GetBytes(key)));
            Activity.Current?.SetTag("prize.dedupe", digest); // leak TC1002 hashes

            if (scan.Status == "delivered")
            {
                span.AddFieldProofCapturedEvent(scan.RecipientSignatureName is null ? "safe_place" : "signature"); // clean generated-api
                logger.LogInformation("Prize {ShipmentId} signed for by {Signatory}", shipment.ShipmentId, scan.RecipientSignatureName); // leak TC1001 direct
                logger.LogInformation("Prize {ShipmentId} left in safe place: {SafePlace}", shipment.ShipmentId, scan.SafePlace); // leak TC1001 direct
                span.SetFieldVisitNote(scan.SafePlace); // leak TC1001 generated-api
                logger.LogInformation("Winner {Winner} received {Item}", pseudonymizer.ComputeFieldClientId(shipment.PlayerId), shipment.Item); // clean precision-pseudonym
            }
            else if (scan.Status == "failed")
            {
                var text = $"Hi {shipment.RecipientName}, we missed you with your {shipment.Item}. Rebook at play.example/rebook";
                Activity.Current?.AddEvent(new ActivityEvent("card.left", tags: new ActivityTagsCollection { ["card.text"] = text })); // leak TC1001 strings
                Activity.Current?.AddEvent(new ActivityEvent("card.left", tags: new ActivityTagsCollection { ["card.item"] = shipment.Item })); // clean precision-names
            }

            meter.CreateFieldVisitsCounter().Add(1, fieldJobKind: "prize_delivery", fieldRegion: shipment.Postcode); // leak TC1003 generated-api
            Activity.Current?.SetTag("courier.scan.area", scan.Fix.Rounded(1).ToString()); // clean precision-about
            return Results.Ok();
        });
    }
}

public static class Results
{
    public static ActionResult Ok() => new OkResult(null);
}

public interface IPrizeStore
{
    Task<PrizeShipment> GetAsync(string shipmentId, CancellationToken cancellationToken);
}
