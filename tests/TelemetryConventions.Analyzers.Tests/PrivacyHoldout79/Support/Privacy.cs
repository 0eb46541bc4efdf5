namespace PrivacyHoldout79.Support;

/// <summary>Consent filtering of free-form property bags.</summary>
public static class ConsentFilter
{
    /// <summary>Properties every consent tier may forward to telemetry: things about the screen and the action.</summary>
    public static readonly IReadOnlySet<string> TelemetrySafe = new HashSet<string>(StringComparer.Ordinal)
    {
        "screen", "step", "plan", "tariff", "item_count", "duration_ms", "variant", "result", "category", "title_id", "route_id",
    };

    private static readonly string[] AdvertisingKeys = ["advertising_id", "idfa", "gaid", "campaign_click_id"];

    /// <summary>Keeps only the <see cref="TelemetrySafe"/> keys, whatever the consent; adds the tier.</summary>
    public static Dictionary<string, object?> ForTelemetry(IReadOnlyDictionary<string, object?> properties, ConsentFlags consent)
    {
        var kept = properties.Where(p => TelemetrySafe.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        kept["consent_tier"] = consent.Tier;
        return kept;
    }

    /// <summary>Drops the advertising keys when advertising consent is missing; everything else stays.</summary>
    public static Dictionary<string, object?> StripAdvertising(IReadOnlyDictionary<string, object?> properties, ConsentFlags consent) =>
        properties.Where(p => consent.Advertising || !AdvertisingKeys.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
}

/// <summary>IP address truncation as the collectors apply it before anything is stored.</summary>
public static class IpMask
{
    /// <summary>Zeroes the last octet of an IPv4 address and the last 80 bits of an IPv6 address.</summary>
    public static string Truncate(string ip)
    {
        if (!IPAddress.TryParse(ip, out var address))
        {
            return "invalid";
        }
        var bytes = address.GetAddressBytes();
        var keep = bytes.Length == 4 ? 3 : 6;
        for (var i = keep; i < bytes.Length; i++)
        {
            bytes[i] = 0;
        }
        return new IPAddress(bytes).ToString();
    }
}

/// <summary>Sampling and sharding by a keyed hash of an id (HMAC-SHA256 with the shard key).</summary>
public sealed class KeyedBuckets(TelemetrySecrets secrets)
{
    public int Bucket(string id, int buckets)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(id));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)buckets);
    }

    public bool Sampled(string id, int percent) => Bucket(id, 100) < percent;
}

/// <summary>Country-level geo from an IP address (a MaxMind-style database).</summary>
public sealed record GeoResult(string CountryCode, string? Subdivision, string? City, double Latitude, double Longitude);

public static class GeoIp
{
    public static GeoResult Lookup(string ip) => new("GB", "ENG", "Leeds", 53.79, -1.54);
}

/// <summary>Device model lookup: the marketing name, release year and class of a model code.</summary>
public sealed record DeviceInfo(string ModelCode, string MarketingName, int ReleaseYear, string DeviceClass);

public static class DeviceCatalog
{
    public static DeviceInfo Lookup(string modelCode) => new(modelCode, "Galaxy S23", 2023, "phone");
}
