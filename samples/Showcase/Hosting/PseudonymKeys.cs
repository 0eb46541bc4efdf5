using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace TelemetryConventions.Samples.Hosting;

/// <summary>Where the showcase's pseudonymisation key comes from.</summary>
public static class PseudonymKeys
{
    /// <summary>
    /// The key id of the development key. It prefixes every pseudonym made with that key, so telemetry
    /// produced with it is recognisable wherever it ends up.
    /// </summary>
    public const string DevelopmentKeyId = "dev-only";

    // The key is derived from a phrase in this public source file, so anyone can recompute it and test
    // guesses of identifiers against its pseudonyms. It exists so that the showcase runs out of the box.
    private const string DevelopmentKeyPhrase = "TelemetryConventions showcase: development-only pseudonym key, public, never for real data";

    /// <summary>
    /// The pseudonymizer for the showcase: the key and key id from <c>TELEMETRY_PSEUDONYM_KEY</c> and
    /// <c>TELEMETRY_PSEUDONYM_KEY_ID</c>; when no key is set, the development key, with a warning on
    /// <paramref name="warnings"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A key is set but malformed or too short, or its key id is missing; the message says what to set.</exception>
    public static Pseudonymizer Create(TextWriter warnings, out bool usesDevelopmentKey)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var options = PseudonymizerOptions.FromEnvironment();
        usesDevelopmentKey = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PseudonymizerOptions.DefaultKeyVariable));
        if (usesDevelopmentKey)
        {
            // Only a missing key falls back. A key that is set but wrong is an error (from the
            // Pseudonymizer constructor): silently replacing it would hide a deployment mistake.
            options.Key = DevelopmentKey();
            options.KeyId = DevelopmentKeyId;
            warnings.WriteLine(
                $"WARNING: {PseudonymizerOptions.DefaultKeyVariable} is not set, so identifiers are pseudonymised with the built-in "
                + $"DEVELOPMENT-ONLY key (key id \"{DevelopmentKeyId}\"). That key is public: its pseudonyms protect nothing. "
                + $"For real data set {PseudonymizerOptions.DefaultKeyVariable} (base64, at least {PseudonymizerOptions.MinimumKeyLength} random bytes, "
                + $"e.g. `openssl rand -base64 32`) and {PseudonymizerOptions.DefaultKeyIdVariable} (e.g. k1).");
        }
        return new Pseudonymizer(options);
    }

    /// <summary>The development key: SHA-256 of a public phrase, 32 bytes.</summary>
    public static byte[] DevelopmentKey() => SHA256.HashData(Encoding.UTF8.GetBytes(DevelopmentKeyPhrase));
}
