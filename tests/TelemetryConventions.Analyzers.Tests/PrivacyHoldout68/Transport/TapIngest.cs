using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.Kinesis;
using Amazon.Kinesis.Model;
using Microsoft.Azure.Cosmos;

namespace PrivacyHoldout68.Transport;

public sealed record Tap(string CardNumber, string Reader, string Route, string Stop, DateTimeOffset At, string? RiderEmail);

/// <summary>A rider's trip in the "trips" container: id the journey id, partitioned by /cardNumber.</summary>
public sealed record Trip(string id, string cardNumber, string Route, string FromStop, string? ToStop, decimal Fare);

/// <summary>
/// Puts readers' taps on the "taps" Kinesis stream keyed by card number (fares are capped per card, so a
/// card's taps must stay on one shard) and builds trips in Cosmos DB.
/// </summary>
public sealed class TapIngest(IAmazonKinesis kinesis, CosmosClient cosmos, TelemetrySecrets telemetrySecrets, Pseudonymizer pseudonymizer, ILogger<TapIngest> logger)
{
    private static readonly ActivitySource Source = new("Transit.Taps");
    private static readonly Meter TapsMeter = new("Transit.Taps");
    private static readonly TripTapsCounter Taps = TapsMeter.CreateTripTapsCounter();
    private static readonly Counter<long> Throttled = TapsMeter.CreateCounter<long>("kinesis.throttled");
    private readonly Container _trips = cosmos.GetContainer("transit", "trips");

    public async Task IngestAsync(IReadOnlyList<Tap> taps, CancellationToken ct)
    {
        var request = new PutRecordsRequest
        {
            StreamName = "taps",
            Records = taps.Select(t => new PutRecordsRequestEntry { PartitionKey = t.CardNumber, Data = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(t)) }).ToList(),
        };
        using var span = Source.StartTripProcess("kinesis put taps"); // clean precision-names
        var response = await kinesis.PutRecordsAsync(request, ct);
        span.Activity?.SetTag("aws.kinesis.records", request.Records.Count);
        span.Activity?.SetTag("aws.kinesis.failed", response.FailedRecordCount); // clean precision-about
        var failedCards = new List<string>();
        for (var i = 0; i < response.Records.Count; i++)
        {
            if (response.Records[i].ErrorCode is { } error)
            {
                failedCards.Add(request.Records[i].PartitionKey);
                logger.LogDebug("Tap at reader {Reader} for rider {RiderEmail} not accepted", taps[i].Reader, taps[i].RiderEmail); // leak TC1001 direct
                Throttled.Add(1, new KeyValuePair<string, object?>("shard", response.Records[i].ShardId), new("error", error)); // clean precision-about
                Taps.Add(1, taps[i].Route, $"failed:{error}"); // clean precision-about
            }
            else
            {
                Taps.Add(1, taps[i].Route, "accepted");
            }
        }
        if (failedCards.Count > 0)
        {
            span.SetTripOutcome("partial").SetTripNote($"{failedCards.Count} taps to retry"); // clean generated-api
            span.SetTripNote("retry " + string.Join(",", failedCards)); // leak TC1001 generated-api
            logger.LogWarning("Taps to retry for cards ending {Last4}", failedCards.Select(c => c[^4..])); // clean precision-about
            logger.LogWarning("Taps to retry: {Cards}", failedCards); // leak TC1001 logging-objects
        }
    }

    public async Task CloseTripAsync(string cardNumber, string journeyId, string toStop, decimal fare, CancellationToken ct)
    {
        var partition = new PartitionKey(cardNumber);
        using var span = Source.StartTripProcess("cosmos patch trips")
            .SetTripJourneyId(journeyId) // clean precision-about
            .SetTripCardId(pseudonymizer.PseudonymizeTripCardId(cardNumber)); // clean precision-pseudonym
        var cohort = BitConverter.ToUInt32(HMACSHA256.HashData(telemetrySecrets.ShardKey, Encoding.UTF8.GetBytes(cardNumber))) % 16;
        span.Activity?.SetTag("trip.card_cohort", cohort); // clean hashes
        span.Activity?.SetTag("trip.card_fingerprint", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(cardNumber)))); // leak TC1002 hashes
        try
        {
            var patched = await _trips.PatchItemAsync<Trip>(journeyId, partition, new[] { PatchOperation.Set("/ToStop", toStop), PatchOperation.Set("/Fare", fare) }, cancellationToken: ct);
            span.Activity?.SetTag("db.cosmosdb.request_charge", patched.RequestCharge); // clean precision-about
            logger.LogInformation("Trip closed at {Stop}, fare {Fare}, etag {ETag}", toStop, fare, patched.ETag); // clean precision-about
            logger.LogInformation("Trip closed: {Trip}", patched.Resource); // leak TC1001 logging-objects
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            span.SetTripOutcome("no_open_trip").SetTripNote(ex.Message); // clean exceptions
            span.Activity?.SetTag("trip.partition", partition.ToString()); // leak TC1001 cross-member
            logger.LogTripRefusedEvent(journeyId, "no_open_trip", pseudonymizer.PseudonymizeTripCardId(cardNumber)); // clean precision-pseudonym
        }
    }
}
