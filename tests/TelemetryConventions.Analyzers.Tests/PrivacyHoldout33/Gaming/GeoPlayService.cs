using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout33.Support.Geo;

namespace PrivacyHoldout33.Gaming;

/// <summary>A location update from the location-based game's client.</summary>
public sealed record PlayerLocationUpdate(Guid PlayerId, string Gamertag, double Latitude, double Longitude, double AccuracyMetres, string Platform, DateTimeOffset At);

/// <summary>A point of interest of the game world (a gym, a portal, a landmark).</summary>
public sealed record PointOfInterest(string PoiId, string Name, GeoPoint Position, string Kind);

public sealed class ImplausibleMovementException(string message) : Exception(message);

public interface IPoiIndex
{
    IReadOnlyList<PointOfInterest> Near(GeoPoint point, double radiusMetres);
}

public sealed class GeoPlayService(
    IPoiIndex pois,
    TelemetrySecrets secrets,
    ILogger<GeoPlayService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("GeoPlay.World");
    private readonly Counter<long> _updates = meter.CreateCounter<long>("geoplay.location_updates", "{update}");
    private readonly Counter<long> _cellVisits = meter.CreateCounter<long>("geoplay.cell_visits", "{visit}");
    private readonly ConcurrentDictionary<Guid, (GeoPoint Point, DateTimeOffset At, string Gamertag)> _last = new();

    public IReadOnlyList<PointOfInterest> OnLocation(PlayerLocationUpdate update)
    {
        using var activity = Source.StartActivity("world.location");
        var point = new GeoPoint(update.Latitude, update.Longitude);
        activity?.SetTag("player.id", update.PlayerId); // leak TC1001 direct
        activity?.SetTag("player.platform", update.Platform); // clean precision-names
        activity?.SetTag("player.cell", H3.ToHex(H3.LatLngToCell(point, 10))); // leak TC1001 direct
        activity?.SetTag("player.region_cell", H3.ToHex(H3.LatLngToCell(point, 5))); // clean precision-about
        activity?.SetTag("player.location.accuracy_m", update.AccuracyMetres); // clean precision-names

        try
        {
            CheckMovement(update, point);
        }
        catch (ImplausibleMovementException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("anticheat.flag", ex.GetType().Name); // clean exceptions
            return Array.Empty<PointOfInterest>();
        }

        _updates.Add(1, new KeyValuePair<string, object?>("platform", update.Platform), new KeyValuePair<string, object?>("region_cell", H3.ToHex(H3.LatLngToCell(point, 4)))); // clean precision-about
        _cellVisits.Add(1, new KeyValuePair<string, object?>("geohash", Geohash.Encode(point.Latitude, point.Longitude, 7))); // leak TC1003 direct

        var nearby = pois.Near(point, 300);
        activity?.SetTag("poi.nearby", string.Join(",", nearby.Select(p => p.PoiId))); // clean precision-about
        if (nearby.Count > 0)
        {
            var closest = nearby.MinBy(p => GeoMath.HaversineMetres(point, p.Position))!;
            activity?.SetTag("poi.closest", closest.PoiId);
            activity?.SetTag("poi.closest.position", closest.Position.ToLatLng()); // clean direct
            activity?.SetTag("poi.closest.distance_m", Math.Round(GeoMath.HaversineMetres(point, closest.Position))); // clean precision-about
        }

        // Spawns are seeded per map cell so that players standing together see the same creatures.
        var spawnSeed = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(Geohash.Encode(point.Latitude, point.Longitude, 7)))) % 1024;
        activity?.SetTag("spawn.seed", spawnSeed); // leak TC1002 hashes
        var eventShard = HMACSHA256.HashData(secrets.ShardKey, update.PlayerId.ToByteArray())[0] % 16;
        activity?.SetTag("event.shard", eventShard); // clean hashes

        _last[update.PlayerId] = (point, update.At, update.Gamertag);
        return nearby;
    }

    public IReadOnlyList<string> PlayersNear(Guid playerId, double radiusMetres)
    {
        if (!_last.TryGetValue(playerId, out var me))
        {
            return Array.Empty<string>();
        }
        var nearby = _last.Where(p => p.Key != playerId && GeoMath.HaversineMetres(p.Value.Point, me.Point) <= radiusMetres).Select(p => p.Value.Gamertag).ToList();
        Activity.Current?.SetTag("nearby.player_count", nearby.Count); // clean precision-names
        logger.LogDebug("Players near the raid: {Gamertags}", nearby); // leak TC1001 logging-objects
        return nearby;
    }

    private void CheckMovement(PlayerLocationUpdate update, GeoPoint point)
    {
        if (_last.TryGetValue(update.PlayerId, out var previous))
        {
            var metres = GeoMath.HaversineMetres(previous.Point, point);
            var seconds = Math.Max((update.At - previous.At).TotalSeconds, 1);
            if (metres / seconds > 55)
            {
                throw new ImplausibleMovementException($"{update.Gamertag} moved {metres / 1000:F1} km in {seconds:F0} s, from {previous.Point.ToLatLng()} to {point.ToLatLng()}");
            }
        }
    }
}
