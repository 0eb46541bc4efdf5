using System;

namespace TelemetryConventions;

/// <summary>
/// The fixed text format of a pseudonym, and checks for it.
/// </summary>
/// <remarks>
/// <para>
/// A pseudonym is written <c>&lt;keyId&gt;:&lt;mac&gt;</c>, for example <c>k1:Fu4cCCCxoJtroFNW0tB6xA</c>:
/// </para>
/// <list type="bullet">
///   <item><description><c>keyId</c>: 1 to <see cref="MaxKeyIdLength"/> characters from <c>A-Z a-z 0-9 _ -</c>,
///   naming the secret key that produced the pseudonym, so that values produced before and after a key rotation
///   are never mistaken for one another.</description></item>
///   <item><description><c>:</c> (<see cref="Separator"/>).</description></item>
///   <item><description><c>mac</c>: the first <see cref="MacByteCount"/> bytes of
///   HMAC-SHA256(key, UTF-8(domain) || 0x1F || UTF-8(raw value)), in base64url without padding, which is always
///   <see cref="EncodedMacLength"/> characters.</description></item>
/// </list>
/// <para>
/// The format is a contract: dashboards, joins across services and the conformance checks rely on it, so it
/// changes only with a new key id scheme, never silently.
/// </para>
/// </remarks>
public static class PseudonymFormat
{
    /// <summary>The character between the key id and the MAC.</summary>
    public const char Separator = ':';

    /// <summary>The byte written between the UTF-8 domain and the UTF-8 raw value in the MAC input.</summary>
    /// <remarks>
    /// U+001F (unit separator) cannot occur in a domain, so the boundary between domain and raw value is
    /// unambiguous and no (domain, raw) pair can collide with another by shifting characters across it.
    /// </remarks>
    public const byte DomainSeparator = 0x1F;

    /// <summary>The longest key id allowed.</summary>
    public const int MaxKeyIdLength = 16;

    /// <summary>How many leading bytes of the 32-byte HMAC-SHA256 output a pseudonym keeps.</summary>
    /// <remarks>
    /// 128 bits keep accidental collisions out of reach (about 2^64 distinct identifiers before one is likely)
    /// while keeping the attribute short.
    /// </remarks>
    public const int MacByteCount = 16;

    /// <summary>The length of the base64url text (no padding) of <see cref="MacByteCount"/> bytes.</summary>
    public const int EncodedMacLength = 22;

    /// <summary>The longest pseudonym text: a key id of <see cref="MaxKeyIdLength"/> characters, the separator and the MAC.</summary>
    public const int MaxLength = MaxKeyIdLength + 1 + EncodedMacLength;

    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>
    /// Whether <paramref name="text"/> has the exact shape of a pseudonym: a valid key id, the separator, and
    /// the canonical base64url text of <see cref="MacByteCount"/> bytes.
    /// </summary>
    /// <remarks>
    /// This checks the shape, not the key: it cannot tell a pseudonym from a random string of the same shape,
    /// but it does reject raw identifiers, e-mail addresses, GUIDs and unkeyed hex digests.
    /// </remarks>
    /// <param name="text">The text to check.</param>
    /// <returns><see langword="true"/> when the text is shaped as a pseudonym.</returns>
    public static bool IsPseudonym(ReadOnlySpan<char> text)
    {
        int separator = text.IndexOf(Separator);
        if (separator < 0 || !IsValidKeyId(text[..separator]))
        {
            return false;
        }

        ReadOnlySpan<char> mac = text[(separator + 1)..];
        if (mac.Length != EncodedMacLength)
        {
            return false;
        }

        int last = 0;
        foreach (char c in mac)
        {
            last = Base64UrlValue(c);
            if (last < 0)
            {
                return false;
            }
        }

        // 16 bytes fill 128 of the 132 bits of 22 characters; a canonical encoder leaves the last 4 bits zero,
        // so any other final character did not come from this format.
        return (last & 0x0F) == 0;
    }

    /// <summary>Whether <paramref name="keyId"/> is a valid key id: 1 to <see cref="MaxKeyIdLength"/> characters from <c>A-Z a-z 0-9 _ -</c>.</summary>
    /// <param name="keyId">The candidate key id.</param>
    /// <returns><see langword="true"/> when it may be used as a key id.</returns>
    public static bool IsValidKeyId(ReadOnlySpan<char> keyId)
    {
        if (keyId.IsEmpty || keyId.Length > MaxKeyIdLength)
        {
            return false;
        }

        foreach (char c in keyId)
        {
            if (Base64UrlValue(c) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes <c>keyId:base64url(mac)</c> and returns it as the only allocation.</summary>
    internal static string Create(string keyId, ReadOnlySpan<byte> mac)
    {
        Span<char> text = stackalloc char[MaxLength];
        keyId.AsSpan().CopyTo(text);
        text[keyId.Length] = Separator;
        int written = WriteBase64Url(mac[..MacByteCount], text[(keyId.Length + 1)..]);
        return new string(text[..(keyId.Length + 1 + written)]);
    }

    /// <summary>Base64url without padding; net8.0 has no Base64Url type, and this is the only place that needs it.</summary>
    internal static int WriteBase64Url(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        int written = 0;
        int i = 0;
        for (; i + 3 <= bytes.Length; i += 3)
        {
            int group = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
            destination[written++] = Base64UrlAlphabet[(group >> 18) & 0x3F];
            destination[written++] = Base64UrlAlphabet[(group >> 12) & 0x3F];
            destination[written++] = Base64UrlAlphabet[(group >> 6) & 0x3F];
            destination[written++] = Base64UrlAlphabet[group & 0x3F];
        }

        int remaining = bytes.Length - i;
        if (remaining == 1)
        {
            int group = bytes[i] << 16;
            destination[written++] = Base64UrlAlphabet[(group >> 18) & 0x3F];
            destination[written++] = Base64UrlAlphabet[(group >> 12) & 0x3F];
        }
        else if (remaining == 2)
        {
            int group = (bytes[i] << 16) | (bytes[i + 1] << 8);
            destination[written++] = Base64UrlAlphabet[(group >> 18) & 0x3F];
            destination[written++] = Base64UrlAlphabet[(group >> 12) & 0x3F];
            destination[written++] = Base64UrlAlphabet[(group >> 6) & 0x3F];
        }

        return written;
    }

    private static int Base64UrlValue(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        '_' => 63,
        _ => -1,
    };
}
