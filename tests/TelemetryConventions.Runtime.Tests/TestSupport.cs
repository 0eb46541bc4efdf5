using System.Reflection;

namespace TelemetryConventions.Runtime.Tests;

/// <summary>A clock that moves only when a test says so, so that cache expiry is tested without sleeping.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private long _ticks = TimeSpan.TicksPerDay;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

internal static class TestKeys
{
    /// <summary>The key of the documented vectors: the bytes 0x00 to 0x1F.</summary>
    public static byte[] Sequential32 { get; } = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    /// <summary>A second, unrelated key for rotation tests.</summary>
    public static byte[] Other32 { get; } = Enumerable.Range(0, 32).Select(i => (byte)(0xA5 ^ (i * 7))).ToArray();

    public static PseudonymizerOptions Options(
        byte[]? key = null,
        string keyId = "k1",
        int cacheSize = PseudonymizerOptions.DefaultCacheSize,
        TimeProvider? time = null,
        TimeSpan? lifetime = null) => new()
        {
            Key = key ?? Sequential32,
            KeyId = keyId,
            CacheSize = cacheSize,
            CacheLifetime = lifetime ?? PseudonymizerOptions.DefaultCacheLifetime,
            TimeProvider = time ?? TimeProvider.System,
        };

    public static Pseudonymizer Create(
        byte[]? key = null,
        string keyId = "k1",
        int cacheSize = PseudonymizerOptions.DefaultCacheSize,
        TimeProvider? time = null,
        TimeSpan? lifetime = null) => new(Options(key, keyId, cacheSize, time, lifetime));
}

internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;
}
