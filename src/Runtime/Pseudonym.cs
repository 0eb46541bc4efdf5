using System;
using System.Diagnostics;

namespace TelemetryConventions;

/// <summary>
/// A value that may only ever reach telemetry as a keyed pseudonym. Attributes whose convention says
/// <c>treatment: pseudonymize</c> take this type, so a raw identifier does not fit.
/// </summary>
/// <remarks>
/// <para>
/// A pseudonym made by <see cref="Pseudonymizer.Pseudonymize(string, string)"/> is deferred: it holds the
/// pseudonymizer, the domain and the raw value, and computes the HMAC only when <see cref="Value"/> is read. Code
/// that never reads it, such as an unsampled span, pays neither for the HMAC nor for an allocation.
/// </para>
/// <para>
/// The raw value never leaves this struct: not through <see cref="ToString"/>, the debugger display, equality or
/// an exception message. It does stay in memory for as long as the struct does.
/// </para>
/// <para>
/// Equality compares pseudonym texts (computing them when needed), so a deferred pseudonym equals the computed one
/// with the same text. <see langword="default"/> is a pseudonym of nothing: <see cref="IsDefault"/> is true and
/// reading <see cref="Value"/> throws.
/// </para>
/// </remarks>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public readonly struct Pseudonym : IEquatable<Pseudonym>
{
    // Four fields rather than five keep the struct at 32 bytes, since it is passed by value through generated
    // code: when _pseudonymizer is null, _text is the computed pseudonym text (or null for default); otherwise
    // _text is the raw string, or null when the raw value is the number in _number.
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly Pseudonymizer? _pseudonymizer;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly string? _domain;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly string? _text;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly long _number;

    internal Pseudonym(Pseudonymizer pseudonymizer, string domain, string rawValue)
    {
        _pseudonymizer = pseudonymizer;
        _domain = domain;
        _text = rawValue;
        _number = 0;
    }

    internal Pseudonym(Pseudonymizer pseudonymizer, string domain, long rawValue)
    {
        _pseudonymizer = pseudonymizer;
        _domain = domain;
        _text = null;
        _number = rawValue;
    }

    private Pseudonym(string pseudonymText)
    {
        _pseudonymizer = null;
        _domain = null;
        _text = pseudonymText;
        _number = 0;
    }

    /// <summary>
    /// Wraps pseudonym text computed elsewhere (another service, a stored record, <see cref="Pseudonymizer.Compute(string, string)"/>).
    /// </summary>
    /// <param name="pseudonymText">Text in the <see cref="PseudonymFormat"/>, for example <c>k1:…</c>.</param>
    /// <returns>A computed pseudonym whose <see cref="Domain"/> is empty, since the text does not carry it.</returns>
    /// <exception cref="ArgumentException">The text is not shaped as a pseudonym (so it may well be a raw identifier; it is not repeated in the message).</exception>
    public static Pseudonym FromComputed(string pseudonymText)
    {
        ArgumentNullException.ThrowIfNull(pseudonymText);
        if (!PseudonymFormat.IsPseudonym(pseudonymText))
        {
            throw new ArgumentException(
                "The text is not a pseudonym: expected \"<keyId>:<22 base64url characters>\" as produced by Pseudonymizer. "
                + "Pass raw identifiers to Pseudonymizer.Pseudonymize instead.",
                nameof(pseudonymText));
        }

        return new Pseudonym(pseudonymText);
    }

    /// <summary>The pseudonym text, <c>&lt;keyId&gt;:&lt;22 base64url characters&gt;</c>; computed on first read for a deferred pseudonym.</summary>
    /// <remarks>A deferred pseudonym goes through its pseudonymizer's cache on every read; with the cache disabled each read computes an HMAC.</remarks>
    /// <exception cref="InvalidOperationException">This is <see langword="default"/>(<see cref="Pseudonym"/>).</exception>
    public string Value
    {
        get
        {
            if (_pseudonymizer is null)
            {
                return _text ?? throw new InvalidOperationException(
                    "This Pseudonym is default and holds no value; create pseudonyms with Pseudonymizer.Pseudonymize or Pseudonym.FromComputed.");
            }

            return _text is null
                ? _pseudonymizer.Compute(_domain!, _number)
                : _pseudonymizer.Compute(_domain!, _text);
        }
    }

    /// <summary>The kind of identifier (for example <c>patient.id</c>); empty for <see cref="FromComputed"/> and <see langword="default"/>.</summary>
    public string Domain => _domain ?? string.Empty;

    /// <summary>Whether this is <see langword="default"/>(<see cref="Pseudonym"/>), which holds no value.</summary>
    public bool IsDefault => _pseudonymizer is null && _text is null;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private string DebuggerDisplay => IsDefault ? "(default)" : Value;

    /// <summary>Compares pseudonym texts (ordinal).</summary>
    public static bool operator ==(Pseudonym left, Pseudonym right) => left.Equals(right);

    /// <summary>Compares pseudonym texts (ordinal).</summary>
    public static bool operator !=(Pseudonym left, Pseudonym right) => !left.Equals(right);

    /// <summary>Whether both hold the same pseudonym text; two defaults are equal.</summary>
    /// <param name="other">The other pseudonym.</param>
    /// <returns><see langword="true"/> when the texts are equal.</returns>
    public bool Equals(Pseudonym other)
    {
        if (IsDefault || other.IsDefault)
        {
            return IsDefault && other.IsDefault;
        }

        // The same inputs to the same pseudonymizer give the same text, so there is no need to compute it.
        if (_pseudonymizer is not null
            && ReferenceEquals(_pseudonymizer, other._pseudonymizer)
            && _number == other._number
            && string.Equals(_text, other._text, StringComparison.Ordinal)
            && string.Equals(_domain, other._domain, StringComparison.Ordinal))
        {
            return true;
        }

        return string.Equals(Value, other.Value, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Pseudonym other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsDefault ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The pseudonym text (computing it if deferred), or an empty string for <see langword="default"/>; never the raw value.</summary>
    /// <returns>The pseudonym text.</returns>
    public override string ToString() => IsDefault ? string.Empty : Value;
}
