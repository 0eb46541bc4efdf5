using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using TelemetryConventions.Benchmarks.Telemetry;

namespace TelemetryConventions.Benchmarks.Runtime;

/// <summary>
/// Pseudonymising one identifier. The baseline is a keyed HMAC written by hand with the public .NET API and
/// the same output format (key id, first 16 bytes of HMAC-SHA256 in base64url), computed on every call.
/// </summary>
[MemoryDiagnoser]
public class PseudonymBenchmarks
{
    private const string Domain = ShopAttributes.CustomerId;

    // The cache disabled (CacheSize 0): every Compute is a full HMAC, as the first sight of an identifier is.
    private readonly Pseudonymizer _uncached = ShopData.CreatePseudonymizer(cacheSize: 0);

    // The default cache, filled with every identifier the benchmark cycles through.
    private readonly Pseudonymizer _cached = ShopData.CreatePseudonymizer();
    private int _next;

    [GlobalSetup]
    public void Setup() => ShopData.Warm(_cached, Domain);

    private string NextCustomer() => ShopData.CustomerNumbers[_next++ & 255];

    [Benchmark(Baseline = true)]
    public string HandWrittenHmac()
    {
        var raw = NextCustomer();
        Span<byte> message = stackalloc byte[256];
        var length = Encoding.UTF8.GetBytes(Domain, message);
        message[length++] = 0x1F;
        length += Encoding.UTF8.GetBytes(raw, message[length..]);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(ShopData.Key, message[..length], mac);
        return ShopData.KeyId + ":" + Base64Url.EncodeToString(mac[..16]);
    }

    /// <summary>Unkeyed SHA-256 in hex: what the seed does, and what an attacker reverses by hashing every candidate.</summary>
    [Benchmark]
    public string SeedSha256() => SeedStyle.HashId(NextCustomer());

    [Benchmark]
    public string ComputeCold() => _uncached.Compute(Domain, NextCustomer());

    [Benchmark]
    public string ComputeCachedHit() => _cached.Compute(Domain, NextCustomer());

    /// <summary>What an unsampled span pays: the pseudonym is made but its value never read.</summary>
    [Benchmark]
    public Pseudonym PseudonymizeDeferred() => _cached.Pseudonymize(Domain, NextCustomer());

    /// <summary>What a sampled span pays: the deferred pseudonym, read once, from the cache.</summary>
    [Benchmark]
    public string PseudonymizeThenReadCached() => _cached.Pseudonymize(Domain, NextCustomer()).Value;
}
