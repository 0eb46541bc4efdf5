using System;
using System.Globalization;

namespace PrivacyHoldout61.Transport;

/// <summary>
/// An eighteen-digit smartcard number (<c>633597 0123 4567 8901</c> as printed). Formats:
/// <c>"G"</c> (the default) prints it grouped; <c>"L4"</c> prints <c>•••• 8901</c> as the app shows it;
/// <c>"I"</c> prints the six-digit issuer prefix, which is the operator's and is the same on every card
/// it issues.
/// </summary>
public readonly struct TravelCardNumber(string digits) : ISpanFormattable
{
    public string Digits { get; } = digits;

    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    public string ToString(string? format, IFormatProvider? formatProvider) =>
        string.Create(24, (Digits, format), static (chars, state) =>
        {
            new TravelCardNumber(state.Digits).TryFormat(chars, out var written, state.format, null);
            chars[written..].Fill(' ');
        }).TrimEnd();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (format.SequenceEqual("L4"))
        {
            if (destination.Length < 9)
            {
                return false;
            }

            "•••• ".AsSpan().CopyTo(destination);
            Digits.AsSpan(Digits.Length - 4).CopyTo(destination[5..]);
            charsWritten = 9;
            return true;
        }

        if (format.SequenceEqual("I"))
        {
            charsWritten = Digits.AsSpan(0, 6).TryCopyTo(destination) ? 6 : 0;
            return charsWritten == 6;
        }

        if (destination.Length < 21)
        {
            return false;
        }

        var source = Digits.AsSpan();
        source[..6].CopyTo(destination);
        var position = 6;
        for (var group = 6; group < source.Length; group += 4)
        {
            destination[position++] = ' ';
            var length = Math.Min(4, source.Length - group);
            source.Slice(group, length).CopyTo(destination[position..]);
            position += length;
        }

        charsWritten = position;
        return true;
    }
}
