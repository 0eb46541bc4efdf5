using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.NetworkInformation;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout10.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout10.Retail;

public readonly record struct ShelfFrame(ushort ShelfId, ushort Sku, short WeightGrams, byte Flags);

public sealed record BeaconSighting(PhysicalAddress PhoneMac, string LoyaltyNumber, string StoreCode, int Rssi);

/// <summary>Edge gateway in a store: decodes shelf-weight frames and loyalty-app beacon sightings.</summary>
public sealed class ShelfSensorGateway
{
    private static readonly ActivitySource Source = new("PrivacyHoldout10.Retail.Shelves");
    private static readonly Meter Meter = new("PrivacyHoldout10.Retail.Shelves");

    private readonly ConcurrentDictionary<string, int> _dwellByShopper = new();
    private readonly ConcurrentDictionary<ushort, short> _lastWeight = new();
    private readonly ILogger<ShelfSensorGateway> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly TelemetrySecrets _secrets;

    public ShelfSensorGateway(ILogger<ShelfSensorGateway> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
    {
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _secrets = secrets;
        Meter.CreateObservableGauge("shelf.weight", ObserveWeights, "g");
        Meter.CreateObservableGauge("store.dwell", ObserveDwell, "s");
    }

    public void OnFrames(string gatewayId, ReadOnlySpan<byte> buffer)
    {
        using var batch = Source.StartDeviceBatch("shelf-gw-2");
        batch.SetDeviceNote($"gateway {gatewayId}"); // clean generated-api
        var links = new List<ActivityLink>();
        var count = 0;
        while (buffer.Length >= 7)
        {
            var frame = new ShelfFrame(
                BinaryPrimitives.ReadUInt16BigEndian(buffer),
                BinaryPrimitives.ReadUInt16BigEndian(buffer[2..]),
                BinaryPrimitives.ReadInt16BigEndian(buffer[4..]),
                buffer[6]);
            buffer = buffer[7..];
            count++;
            _lastWeight[frame.ShelfId] = frame.WeightGrams;

            using var reading = Source.StartActivity("shelf.reading", ActivityKind.Internal, parentContext: default, links: new[] { new ActivityLink(batch.Activity?.Context ?? default) });
            reading?.SetTag("shelf.id", frame.ShelfId); // clean precision-names
            reading?.SetTag("shelf.sku", frame.Sku);
            if (reading is not null)
            {
                links.Add(new ActivityLink(reading.Context));
            }
        }

        batch.SetDeviceFrameCount(count); // clean generated-api
        _logger.LogDebug("Gateway {Gateway} decoded {Count} frames with {Links} links", gatewayId, count, links.Count); // clean precision-about
    }

    public void OnBeacon(BeaconSighting sighting)
    {
        using var activity = Source.StartActivity("store.beacon");
        activity?.SetTag("store.code", sighting.StoreCode); // clean precision-names
        activity?.SetTag("beacon.rssi", sighting.Rssi);
        activity?.SetTag("beacon.phone.mac", sighting.PhoneMac.ToString()); // leak TC1001 direct
        activity?.SetTag("beacon.loyalty", sighting.LoyaltyNumber); // leak TC1001 direct

        var shopperRef = _pseudonymizer.Pseudonymize("loyalty", sighting.LoyaltyNumber);
        _dwellByShopper.AddOrUpdate(sighting.LoyaltyNumber, 1, (_, seconds) => seconds + 1);
        Baggage.SetBaggage("customer.ref", shopperRef.Value); // clean precision-pseudonym
        Baggage.SetBaggage("customer.loyalty", sighting.LoyaltyNumber); // leak TC1001 direct
        activity?.SetTag("beacon.shopper.known", _dwellByShopper.ContainsKey(sighting.LoyaltyNumber)); // clean precision-about

        using var hmac = new HMACSHA256(_secrets.ShardKey);
        var shopperShard = BinaryPrimitives.ReadUInt16BigEndian(hmac.ComputeHash(Encoding.UTF8.GetBytes(sighting.LoyaltyNumber))) % 64;
        activity?.SetTag("beacon.shard", shopperShard); // clean hashes
        _logger.LogInformation("Beacon {@Sighting}", sighting); // leak TC1001 logging-objects
    }

    private IEnumerable<Measurement<int>> ObserveWeights() =>
        _lastWeight.Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("shelf.id", pair.Key))); // clean precision-names

    private IEnumerable<Measurement<int>> ObserveDwell() =>
        _dwellByShopper.Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("store.shopper", pair.Key))); // leak TC1003 cross-member
}
