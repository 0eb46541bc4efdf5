using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading;
using TelemetryConventions.Internal;

namespace TelemetryConventions;

/// <summary>
/// Turns identifiers of people (patients, students, customers, players…) into keyed pseudonyms that can be
/// joined across services and time but cannot be reversed without the secret key.
/// </summary>
/// <remarks>
/// <para>
/// A pseudonym is <c>&lt;keyId&gt;:&lt;base64url of the first 16 bytes of HMAC-SHA256(key, UTF-8(domain) || 0x1F || UTF-8(raw))&gt;</c>
/// (see <see cref="PseudonymFormat"/>). The domain is the kind of identifier, in practice the attribute name such as
/// <c>patient.id</c>, so the same number used as a patient id and as a student id yields unrelated pseudonyms.
/// Numbers are hashed as their invariant decimal text, so <c>12345</c> and <c>"12345"</c> agree.
/// </para>
/// <para>
/// There is deliberately no unkeyed mode: a plain hash of a patient number can be reversed by hashing every
/// possible number, which takes about a minute.
/// </para>
/// <para>
/// Instances are thread-safe and meant to live for the whole process (one per key). Pseudonyms of recently seen
/// identifiers come from a bounded cache; see <see cref="PseudonymizerOptions.CacheSize"/>.
/// </para>
/// </remarks>
public sealed class Pseudonymizer
{
    private const string KeyAdvice =
        "at least 32 random bytes, encoded as standard base64 (for example the output of `openssl rand -base64 32`)";

    private const string KeyIdAdvice =
        "1 to 16 characters from A-Z, a-z, 0-9, '_' and '-' (for example \"k1\"); it prefixes every pseudonym so that values made with different keys are never confused after a key rotation";

    private readonly byte[] _key;
    private readonly Dictionary<string, byte[]> _verificationKeys;
    private readonly PseudonymCache? _cache;
    private long _macComputations;

    /// <summary>Creates a pseudonymizer from validated options.</summary>
    /// <param name="options">The key, key id and cache settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The key is missing, was not valid base64 or is shorter than 32 bytes, the key id is missing or malformed, or a
    /// cache setting is out of range. The message names the option and the environment variable to set.
    /// </exception>
    public Pseudonymizer(PseudonymizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        _key = ValidateKey(options);
        KeyId = ValidateKeyId(options);
        _verificationKeys = ValidateVerificationKeys(options, KeyId);

        if (options.CacheSize < 0)
        {
            throw new ArgumentException(
                $"PseudonymizerOptions.CacheSize is {options.CacheSize}; it must be 0 (no cache) or a positive number of entries.",
                nameof(options));
        }

        if (options.CacheSize > 0)
        {
            if (options.CacheLifetime <= TimeSpan.Zero)
            {
                throw new ArgumentException(
                    "PseudonymizerOptions.CacheLifetime must be positive while the cache is enabled; set CacheSize to 0 to disable the cache instead.",
                    nameof(options));
            }

            TimeProvider time = options.TimeProvider
                ?? throw new ArgumentException("PseudonymizerOptions.TimeProvider must not be null.", nameof(options));
            _cache = new PseudonymCache(options.CacheSize, options.CacheLifetime, time);
        }
    }

    /// <summary>
    /// Creates a pseudonymizer whose key and key id come from the environment variables
    /// <c>TELEMETRY_PSEUDONYM_KEY</c> (base64, at least 32 bytes) and <c>TELEMETRY_PSEUDONYM_KEY_ID</c>.
    /// </summary>
    /// <returns>A pseudonymizer with the default cache settings.</returns>
    /// <exception cref="ArgumentException">A variable is missing or malformed; the message says which and what to set.</exception>
    public static Pseudonymizer FromEnvironment() => new(PseudonymizerOptions.FromEnvironment());

    /// <summary>The id of the key, the prefix of every pseudonym this instance produces.</summary>
    public string KeyId { get; }

    /// <summary>The ids of the earlier keys that <see cref="Verify(string, string, string)"/> still accepts, besides <see cref="KeyId"/>.</summary>
    public IReadOnlyCollection<string> VerificationKeyIds => _verificationKeys.Keys;

    /// <summary>
    /// Whether <paramref name="pseudonymText"/> is the pseudonym of <paramref name="rawValue"/> in
    /// <paramref name="domain"/>, under the current key or, after a rotation, under one of
    /// <see cref="PseudonymizerOptions.VerificationKeys"/> (chosen by the key id the text starts with).
    /// </summary>
    /// <param name="domain">The identifier space the pseudonym was made in.</param>
    /// <param name="rawValue">The identifier to check.</param>
    /// <param name="pseudonymText">A pseudonym as produced by <see cref="Compute(string, string)"/>, possibly with an older key.</param>
    /// <returns>True when it matches; false for another identifier, an unknown key id or text that is not a pseudonym.</returns>
    public bool Verify(string domain, string rawValue, string pseudonymText)
    {
        ValidateDomain(domain);
        ArgumentNullException.ThrowIfNull(rawValue);
        return VerifyWith(pseudonymText, (key, mac) => PseudonymMac.Compute(key, domain, rawValue, mac));
    }

    /// <summary>Whether <paramref name="pseudonymText"/> is the pseudonym of the numeric <paramref name="rawValue"/>; see <see cref="Verify(string, string, string)"/>.</summary>
    /// <param name="domain">The identifier space the pseudonym was made in.</param>
    /// <param name="rawValue">The identifier to check.</param>
    /// <param name="pseudonymText">A pseudonym, possibly made with an older key.</param>
    /// <returns>True when it matches.</returns>
    public bool Verify(string domain, long rawValue, string pseudonymText)
    {
        ValidateDomain(domain);
        return VerifyWith(pseudonymText, (key, mac) => PseudonymMac.Compute(key, domain, rawValue, mac));
    }

    private delegate void MacWriter(ReadOnlySpan<byte> key, Span<byte> mac);

    private bool VerifyWith(string pseudonymText, MacWriter write)
    {
        ArgumentNullException.ThrowIfNull(pseudonymText);
        if (!PseudonymFormat.IsPseudonym(pseudonymText))
        {
            return false;
        }
        int separator = pseudonymText.IndexOf(':');
        string keyId = pseudonymText[..separator];
        byte[]? key = keyId == KeyId ? _key : _verificationKeys.GetValueOrDefault(keyId);
        if (key is null)
        {
            return false;
        }
        Span<byte> mac = stackalloc byte[PseudonymMac.MacSize];
        write(key, mac);
        string expected = PseudonymFormat.Create(keyId, mac);
        return CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(expected.AsSpan()),
            MemoryMarshal.AsBytes(pseudonymText.AsSpan()));
    }

    /// <summary>The number of HMACs computed so far; lets tests prove that deferred pseudonyms cost nothing until read.</summary>
    internal long MacComputations => Interlocked.Read(ref _macComputations);

    /// <summary>The number of cached pseudonyms.</summary>
    internal int CachedCount => _cache?.Count ?? 0;

    /// <summary>
    /// Wraps <paramref name="rawValue"/> as a pseudonym without computing it yet: the HMAC runs only when
    /// <see cref="Pseudonym.Value"/> is read, so a span that is never recorded never pays for it.
    /// </summary>
    /// <param name="domain">The kind of identifier, in practice the attribute name (for example <c>patient.id</c>).</param>
    /// <param name="rawValue">The identifier itself. It is held, not copied, until the pseudonym is read.</param>
    /// <returns>A pseudonym that only ever yields its keyed text.</returns>
    public Pseudonym Pseudonymize(string domain, string rawValue)
    {
        ValidateDomain(domain);
        ArgumentNullException.ThrowIfNull(rawValue);
        return new Pseudonym(this, domain, rawValue);
    }

    /// <summary>
    /// Wraps the numeric identifier <paramref name="rawValue"/> as a pseudonym without computing it yet.
    /// It hashes as its invariant decimal text.
    /// </summary>
    /// <param name="domain">The kind of identifier, in practice the attribute name (for example <c>patient.id</c>).</param>
    /// <param name="rawValue">The identifier itself.</param>
    /// <returns>A pseudonym that only ever yields its keyed text.</returns>
    public Pseudonym Pseudonymize(string domain, long rawValue)
    {
        ValidateDomain(domain);
        return new Pseudonym(this, domain, rawValue);
    }

    /// <summary>Computes the pseudonym text of <paramref name="rawValue"/> now, from the cache when it was seen recently.</summary>
    /// <param name="domain">The kind of identifier, in practice the attribute name (for example <c>patient.id</c>).</param>
    /// <param name="rawValue">The identifier itself.</param>
    /// <returns>The pseudonym text, <c>&lt;keyId&gt;:&lt;22 base64url characters&gt;</c>.</returns>
    public string Compute(string domain, string rawValue)
    {
        ArgumentNullException.ThrowIfNull(rawValue);
        PseudonymCache.DomainTable? table = CacheTable(domain);
        if (table is null)
        {
            return ComputeUncached(domain, rawValue);
        }

        if (_cache!.TryGet(table, rawValue, out string cached))
        {
            return cached;
        }

        string text = ComputeUncached(domain, rawValue);
        _cache.Store(table, rawValue, text);
        return text;
    }

    /// <summary>Computes the pseudonym text of the numeric <paramref name="rawValue"/> now, from the cache when it was seen recently.</summary>
    /// <param name="domain">The kind of identifier, in practice the attribute name (for example <c>patient.id</c>).</param>
    /// <param name="rawValue">The identifier itself; it hashes as its invariant decimal text.</param>
    /// <returns>The pseudonym text, <c>&lt;keyId&gt;:&lt;22 base64url characters&gt;</c>.</returns>
    public string Compute(string domain, long rawValue)
    {
        PseudonymCache.DomainTable? table = CacheTable(domain);
        if (table is null)
        {
            return ComputeUncached(domain, rawValue);
        }

        if (_cache!.TryGet(table, rawValue, out string cached))
        {
            return cached;
        }

        string text = ComputeUncached(domain, rawValue);
        _cache.Store(table, rawValue, text);
        return text;
    }

    /// <summary>
    /// Forgets every cached pseudonym, and with it the raw identifiers the cache holds, for example before a heap dump
    /// is taken or when a data subject's records must leave memory now.
    /// </summary>
    public void ClearCache() => _cache?.Clear();

    /// <summary>
    /// The cache's table for <paramref name="domain"/>, or null when there is no cache or no room for another domain.
    /// Only validated domains ever get a table, so a domain found there skips validation: that is the cache-hit path.
    /// </summary>
    private PseudonymCache.DomainTable? CacheTable(string domain)
    {
        if (_cache?.Find(domain) is { } table)
        {
            return table;
        }

        ValidateDomain(domain);
        return _cache?.GetOrAdd(domain);
    }

    private string ComputeUncached(string domain, string rawValue)
    {
        Span<byte> mac = stackalloc byte[PseudonymMac.MacSize];
        PseudonymMac.Compute(_key, domain, rawValue, mac);
        Interlocked.Increment(ref _macComputations);
        return PseudonymFormat.Create(KeyId, mac);
    }

    private string ComputeUncached(string domain, long rawValue)
    {
        Span<byte> mac = stackalloc byte[PseudonymMac.MacSize];
        PseudonymMac.Compute(_key, domain, rawValue, mac);
        Interlocked.Increment(ref _macComputations);
        return PseudonymFormat.Create(KeyId, mac);
    }

    private static void ValidateDomain(string domain)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        if (domain.Contains((char)PseudonymFormat.DomainSeparator))
        {
            // The separator must stay unambiguous, or two different (domain, raw) pairs could hash alike.
            throw new ArgumentException("The domain must not contain the character U+001F.", nameof(domain));
        }
    }

    private static byte[] ValidateKey(PseudonymizerOptions options)
    {
        byte[]? key = options.Key;
        if (key is null)
        {
            string reason = options.KeyProblem switch
            {
                PseudonymizerOptions.EnvironmentKeyProblem.NotBase64 when options.ConfigurationPath is { } path =>
                    $"The configuration value {path}:Key is not valid base64.",
                PseudonymizerOptions.EnvironmentKeyProblem.Missing when options.ConfigurationPath is { } path =>
                    $"No pseudonymisation key is configured: the configuration value {path}:Key is not set.",
                PseudonymizerOptions.EnvironmentKeyProblem.NotBase64 =>
                    $"The environment variable {options.KeyVariable} is not valid base64.",
                PseudonymizerOptions.EnvironmentKeyProblem.Missing =>
                    $"No pseudonymisation key is configured: the environment variable {options.KeyVariable} is not set.",
                _ => "No pseudonymisation key is configured.",
            };
            throw new ArgumentException(
                $"{reason} Set {options.KeySetting} to {KeyAdvice}. "
                + "Identifiers are never hashed without a secret key, because an unkeyed hash of an identifier is reversed by hashing every candidate.",
                nameof(options));
        }

        if (key.Length < PseudonymizerOptions.MinimumKeyLength)
        {
            throw new ArgumentException(
                $"The pseudonymisation key is {key.Length} bytes long; at least {PseudonymizerOptions.MinimumKeyLength} bytes are required. "
                + $"Set {options.KeySetting} to {KeyAdvice}.",
                nameof(options));
        }

        if (key.AsSpan().IndexOfAnyExcept(key[0]) < 0)
        {
            throw new ArgumentException(
                "The pseudonymisation key repeats a single byte value, which marks a placeholder rather than a secret. "
                + $"Set {options.KeySetting} to {KeyAdvice}.",
                nameof(options));
        }

        return (byte[])key.Clone();
    }

    private static Dictionary<string, byte[]> ValidateVerificationKeys(PseudonymizerOptions options, string currentKeyId)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (keyId, key) in options.VerificationKeys)
        {
            if (!PseudonymFormat.IsValidKeyId(keyId) || keyId == currentKeyId)
            {
                throw new ArgumentException(
                    $"A verification key id ({keyId?.Length ?? 0} characters) is malformed or repeats the current key id. Verification key ids are {KeyIdAdvice}, each different from the current one.",
                    nameof(options));
            }
            if (key is null || key.Length < PseudonymizerOptions.MinimumKeyLength || key.AsSpan().IndexOfAnyExcept(key[0]) < 0)
            {
                throw new ArgumentException(
                    $"The verification key '{keyId}' is missing, shorter than {PseudonymizerOptions.MinimumKeyLength} bytes or a placeholder; each is {KeyAdvice}.",
                    nameof(options));
            }
            keys.Add(keyId, (byte[])key.Clone());
        }
        return keys;
    }

    private static string ValidateKeyId(PseudonymizerOptions options)
    {
        string? keyId = options.KeyId;
        if (string.IsNullOrEmpty(keyId))
        {
            throw new ArgumentException(
                $"No key id is configured. Set {options.KeyIdSetting} to {KeyIdAdvice}.",
                nameof(options));
        }

        if (!PseudonymFormat.IsValidKeyId(keyId))
        {
            // The value is not repeated: a key pasted into the wrong variable must not end up in a log.
            throw new ArgumentException(
                $"The key id ({keyId.Length} characters) is malformed. Set {options.KeyIdSetting} to {KeyIdAdvice}.",
                nameof(options));
        }

        return keyId;
    }
}
