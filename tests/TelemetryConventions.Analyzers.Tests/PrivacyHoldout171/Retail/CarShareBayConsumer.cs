using System.Text.Json;

namespace PrivacyHoldout171.Retail;

/// <summary>A car sharing bay event in a store car park: a member's own car listed for peer-to-peer sharing parks or leaves.</summary>
public sealed record BayEvent(string BayId, string StoreNumber, string ListingId, string OwnerId, string Plate, string Kind, DateTimeOffset At);

/// <summary>Consumes bay sensor events (topic keyed by bay id) and keeps the car park's sharing bays in sync.</summary>
public sealed class CarShareBayConsumer(IConsumer<string, string> consumer, ILogger<CarShareBayConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Store.CarShareBays");
    private static readonly Meter Meter = new("Store.CarShareBays");
    private static readonly UpDownCounter<long> Occupied = Meter.CreateUpDownCounter<long>("store.carshare.bays.occupied");

    private readonly Dictionary<string, string> _platesByBay = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var bay = JsonSerializer.Deserialize<BayEvent>(result.Message.Value)!;
            using var activity = Source.StartActivity("bay.event", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("bay.id", bay.BayId); // clean precision-names
            activity?.SetTag("bay.listing", bay.ListingId); // clean precision-names
            activity?.SetTag("bay.kind", bay.Kind); // clean precision-about
            activity?.SetTag("bay.plate.area", bay.Plate[..2]); // clean precision-about
            activity?.SetTag("bay.plate", bay.Plate); // leak TC1001 direct
            activity?.SetTag("bay.owner", bay.OwnerId); // leak TC1001 direct

            if (bay.Kind == "arrived")
            {
                _platesByBay[bay.BayId] = bay.Plate;
                Occupied.Add(1, new KeyValuePair<string, object?>("store", bay.StoreNumber)); // clean precision-names
            }
            else
            {
                _platesByBay.Remove(bay.BayId);
                Occupied.Add(-1, new KeyValuePair<string, object?>("store", bay.StoreNumber)); // clean precision-names
            }

            logger.LogDebug("Occupied bays: {Bays}", _platesByBay); // leak TC1001 logging-objects
            logger.LogDebug("Occupied bays: {Count}", _platesByBay.Count); // clean precision-about
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Lists a member's own car for sharing from a store car park bay.</summary>
public sealed class CarShareListingService(Pseudonymizer pseudonymizer, ILogger<CarShareListingService> logger)
{
    private static readonly ActivitySource Source = new("Store.CarShareListings");
    private static readonly Meter Meter = new("Store.CarShareListings");
    private static readonly Counter<long> Listings = Meter.CreateCounter<long>("store.carshare.listings");

    public void List(SharedCar car, string storeNumber)
    {
        using var activity = Source.StartActivity("carshare.list");
        activity?.SetTag("carshare.listing", car.ListingId); // clean precision-names
        activity?.SetTag("carshare.make", car.Make); // clean precision-about
        activity?.SetTag("carshare.model", car.Model); // clean precision-about
        activity?.SetTag("carshare.vin", car.Vin); // leak TC1001 direct
        activity?.SetTag("carshare.owner", pseudonymizer.PseudonymizeStorecarRenterId(car.OwnerId)); // clean precision-pseudonym
        Listings.Add(1, new KeyValuePair<string, object?>("store", storeNumber), new KeyValuePair<string, object?>("make", car.Make)); // clean precision-names
        Listings.Add(1, new KeyValuePair<string, object?>("plate", car.Plate)); // leak TC1003 direct
        logger.LogInformation("Listed {Car} at store {StoreNumber}", car, storeNumber); // leak TC1001 logging-objects
        logger.LogInformation("Listed a {Make} {Model} at store {StoreNumber}", car.Make, car.Model, storeNumber); // clean precision-about
    }
}
