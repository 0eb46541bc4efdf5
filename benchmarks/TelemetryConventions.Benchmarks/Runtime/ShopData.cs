using System.Security.Cryptography;

namespace TelemetryConventions.Benchmarks.Runtime;

/// <summary>
/// Inputs shared by the runtime benchmarks, so every variant of one case sees the same values.
/// </summary>
public static class ShopData
{
    /// <summary>
    /// Raw customer numbers, cycled through call by call: a stream of repeat customers rather than one
    /// identifier, so cache look-ups and hashing do real work on varying input.
    /// </summary>
    public static readonly string[] CustomerNumbers = Enumerable.Range(0, 256)
        .Select(i => "C-" + (1_000_000 + (i * 7919)).ToString(System.Globalization.CultureInfo.InvariantCulture))
        .ToArray();

    public const string Region = "eu-west";
    public const string Channel = "web";
    public const string Device = "phone";

    // Small counts, as real baskets and tiers are; both fit the generated code's cache of boxed integers
    // (0 to 1023), which is part of what is measured.
    public const int BasketItems = 3;
    public const int LoyaltyTier = 2;
    public const double PaymentAmount = 42.5;

    /// <summary>A fixed, non-trivial 32-byte key: benchmarks need determinism, not secrecy.</summary>
    public static readonly byte[] Key = SHA256.HashData("benchmark key, not a secret"u8);

    public const string KeyId = "k1";

    /// <summary>The pseudonymiser with the default cache (10 000 entries, 10 minutes).</summary>
    public static Pseudonymizer CreatePseudonymizer(int cacheSize = PseudonymizerOptions.DefaultCacheSize) =>
        new(new PseudonymizerOptions { Key = Key, KeyId = KeyId, CacheSize = cacheSize });

    /// <summary>Fills the pseudonymiser's cache with every customer number, as a warm service would have.</summary>
    public static void Warm(Pseudonymizer pseudonymizer, string domain)
    {
        foreach (var number in CustomerNumbers)
        {
            pseudonymizer.Compute(domain, number);
        }
    }
}
