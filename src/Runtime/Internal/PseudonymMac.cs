using System;
using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TelemetryConventions.Internal;

/// <summary>
/// The one MAC path behind every pseudonym: building the domain-separated input and keying HMAC-SHA256 over it.
/// Kept apart from <see cref="Pseudonymizer"/> so that the published test vectors exercise exactly this code.
/// </summary>
internal static class PseudonymMac
{
    /// <summary>The size of an HMAC-SHA256 output.</summary>
    public const int MacSize = 32;

    /// <summary>The longest text of a <see cref="long"/> in invariant culture ("-9223372036854775808").</summary>
    public const int MaxInt64Chars = 20;

    // Inputs up to this size are encoded on the stack; identifiers are short, so the pool is rarely touched.
    private const int StackLimit = 512;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>HMAC-SHA256 of <paramref name="message"/> under <paramref name="key"/>, written to the first 32 bytes of <paramref name="destination"/>.</summary>
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> destination)
    {
        int written = HMACSHA256.HashData(key, message, destination);
        if (written != MacSize)
        {
            throw new CryptographicException("HMAC-SHA256 produced an unexpected number of bytes.");
        }
    }

    /// <summary>
    /// HMAC-SHA256 of UTF-8(<paramref name="domain"/>) || 0x1F || UTF-8(<paramref name="raw"/>).
    /// Invalid UTF-16 (a lone surrogate) is encoded as U+FFFD, as everywhere else in .NET.
    /// </summary>
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<char> domain, ReadOnlySpan<char> raw, Span<byte> destination)
    {
        int domainBytes = Utf8.GetByteCount(domain);
        int length = checked(domainBytes + 1 + Utf8.GetByteCount(raw));

        byte[]? rented = null;
        Span<byte> message = length <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            Utf8.GetBytes(domain, message);
            message[domainBytes] = PseudonymFormat.DomainSeparator;
            Utf8.GetBytes(raw, message[(domainBytes + 1)..]);
            Compute(key, message[..length], destination);
        }
        finally
        {
            if (rented is not null)
            {
                // The buffer holds a raw identifier and goes back to a pool shared with the whole process.
                CryptographicOperations.ZeroMemory(rented.AsSpan(0, length));
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The MAC of a number is the MAC of its invariant decimal text, so 12345 and "12345" agree.</summary>
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<char> domain, long raw, Span<byte> destination)
    {
        Span<char> digits = stackalloc char[MaxInt64Chars];
        raw.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture);
        Compute(key, domain, digits[..written], destination);
    }
}
