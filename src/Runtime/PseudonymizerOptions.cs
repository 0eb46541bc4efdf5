using System;
using System.Collections.Generic;

namespace TelemetryConventions;

/// <summary>
/// Configuration of a <see cref="Pseudonymizer"/>: the secret key, its id, and the pseudonym cache.
/// </summary>
/// <remarks>
/// Nothing is validated here; <see cref="Pseudonymizer(PseudonymizerOptions)"/> validates everything at once
/// and says what to set. That lets code read the environment first and fill in what is missing afterwards
/// (for example a key fetched from a vault).
/// </remarks>
public sealed class PseudonymizerOptions
{
    /// <summary>The environment variable read by <see cref="FromEnvironment"/> for the key, unless told otherwise.</summary>
    public const string DefaultKeyVariable = "TELEMETRY_PSEUDONYM_KEY";

    /// <summary>The environment variable read by <see cref="FromEnvironment"/> for the key id, unless told otherwise.</summary>
    public const string DefaultKeyIdVariable = "TELEMETRY_PSEUDONYM_KEY_ID";

    /// <summary>The smallest key accepted, in bytes: the output size of SHA-256, below which HMAC-SHA256 loses strength.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>The default <see cref="CacheSize"/>.</summary>
    public const int DefaultCacheSize = 10_000;

    /// <summary>The default <see cref="CacheLifetime"/>: ten minutes.</summary>
    public static readonly TimeSpan DefaultCacheLifetime = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The secret HMAC key: at least <see cref="MinimumKeyLength"/> random bytes. Keep it out of source control and
    /// out of telemetry; whoever holds it can test guesses of identifiers against pseudonyms.
    /// </summary>
    /// <remarks>The <see cref="Pseudonymizer"/> copies the key, so later changes to this array do not affect it.</remarks>
    public byte[]? Key { get; set; }

    /// <summary>
    /// The id of <see cref="Key"/>, written in front of every pseudonym: 1 to 16 characters from <c>A-Z a-z 0-9 _ -</c>,
    /// for example <c>k1</c>. Give each new key a new id, so that pseudonyms made with different keys never look alike.
    /// </summary>
    public string? KeyId { get; set; }

    /// <summary>
    /// How many recently seen identifiers keep their pseudonym in memory (default 10 000; 0 disables the cache).
    /// </summary>
    /// <remarks>
    /// The cache saves the HMAC (about a microsecond) for repeated identifiers, at the cost of holding those raw
    /// identifiers in process memory for up to <see cref="CacheLifetime"/>. Set 0 where that is not acceptable.
    /// The size bounds all identifier spaces together; when it is reached, the most recently stored three quarters
    /// are kept. Up to 128 identifier spaces (domains) are cached; values of any further one are computed each time.
    /// </remarks>
    public int CacheSize { get; set; } = DefaultCacheSize;

    /// <summary>How long a cached pseudonym (and the raw identifier it was computed from) stays in memory; default 10 minutes.</summary>
    /// <remarks>
    /// Counted from when the pseudonym was cached, not from its last use. Expiry is measured in eighths of the
    /// lifetime by a timer of <see cref="TimeProvider"/> (so that a cache hit never reads the clock): an entry stays
    /// at most the lifetime and at least seven eighths of it, and leaves memory on time even in an idle process.
    /// </remarks>
    public TimeSpan CacheLifetime { get; set; } = DefaultCacheLifetime;

    /// <summary>
    /// Earlier keys, by key id, that <see cref="Pseudonymizer.Verify(string, string, string)"/> still accepts after a
    /// rotation: pseudonyms are always made with <see cref="Key"/>, but one made with a listed key still verifies.
    /// </summary>
    /// <remarks>Each key follows the rules of <see cref="Key"/> and its id those of <see cref="KeyId"/>; none may reuse the current key id.</remarks>
    public IDictionary<string, byte[]> VerificationKeys { get; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);

    /// <summary>The clock whose timer ages cache entries; <see cref="TimeProvider.System"/> unless a test supplies another.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The environment variable named in error messages about the key.</summary>
    internal string KeyVariable { get; private set; } = DefaultKeyVariable;

    /// <summary>The environment variable named in error messages about the key id.</summary>
    internal string KeyIdVariable { get; private set; } = DefaultKeyIdVariable;

    /// <summary>
    /// The configuration section the options were read from (<c>Telemetry:Pseudonymizer</c>), when they were;
    /// error messages then name its values instead of the environment variables.
    /// </summary>
    internal string? ConfigurationPath { get; set; }

    /// <summary>Where the key is set, as error messages say it.</summary>
    internal string KeySetting => ConfigurationPath is { } path
        ? $"the configuration value {path}:Key (for example the environment variable {path.Replace(":", "__")}__Key or a secret store)"
        : $"the environment variable {KeyVariable} (or PseudonymizerOptions.Key)";

    /// <summary>Where the key id is set, as error messages say it.</summary>
    internal string KeyIdSetting => ConfigurationPath is { } path
        ? $"the configuration value {path}:KeyId"
        : $"the environment variable {KeyIdVariable} (or PseudonymizerOptions.KeyId)";

    /// <summary>Why the key variable gave no key, when it was read and gave none.</summary>
    internal EnvironmentKeyProblem KeyProblem { get; set; }

    /// <summary>
    /// Reads the key (base64) and key id from environment variables. Missing or malformed values are not an error
    /// here: the <see cref="Pseudonymizer"/> constructor reports them, naming the variable to set.
    /// </summary>
    /// <param name="keyVariable">The variable holding the base64 key, by default <c>TELEMETRY_PSEUDONYM_KEY</c>.</param>
    /// <param name="keyIdVariable">The variable holding the key id, by default <c>TELEMETRY_PSEUDONYM_KEY_ID</c>.</param>
    /// <returns>Options with <see cref="Key"/> and <see cref="KeyId"/> set from the environment where present.</returns>
    public static PseudonymizerOptions FromEnvironment(
        string keyVariable = DefaultKeyVariable,
        string keyIdVariable = DefaultKeyIdVariable)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyVariable);
        ArgumentException.ThrowIfNullOrEmpty(keyIdVariable);

        var options = new PseudonymizerOptions
        {
            KeyVariable = keyVariable,
            KeyIdVariable = keyIdVariable,
        };

        string? encodedKey = Environment.GetEnvironmentVariable(keyVariable);
        if (string.IsNullOrWhiteSpace(encodedKey))
        {
            options.KeyProblem = EnvironmentKeyProblem.Missing;
        }
        else
        {
            string trimmed = encodedKey.Trim();
            byte[] buffer = new byte[trimmed.Length];
            if (Convert.TryFromBase64String(trimmed, buffer, out int length))
            {
                options.Key = buffer.AsSpan(0, length).ToArray();
            }
            else
            {
                options.KeyProblem = EnvironmentKeyProblem.NotBase64;
            }
        }

        string? keyId = Environment.GetEnvironmentVariable(keyIdVariable);
        options.KeyId = string.IsNullOrWhiteSpace(keyId) ? null : keyId.Trim();
        return options;
    }

    internal enum EnvironmentKeyProblem
    {
        None,
        Missing,
        NotBase64,
    }
}
