using System;
using System.Globalization;

namespace PrivacyHoldout61.Energy;

/// <summary>
/// A ten-digit supply account number. Formats: <c>"G"</c> (the default) prints it grouped as on the
/// bill, <c>1234 567 890</c>; <c>"L4"</c> prints <c>****** 7890</c> for the contact centre's screens.
/// </summary>
public readonly struct SupplyAccountNumber(string digits) : ISpanFormattable
{
    public string Digits { get; } = digits;

    public override string ToString() => ToString(null, null);

    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[16];
        return TryFormat(buffer, out var written, format, formatProvider) ? new string(buffer[..written]) : Digits;
    }

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (format.SequenceEqual("L4"))
        {
            if (destination.Length < 11)
            {
                return false;
            }

            "****** ".AsSpan().CopyTo(destination);
            Digits.AsSpan(Digits.Length - 4).CopyTo(destination[7..]);
            charsWritten = 11;
            return true;
        }

        var grouped = Digits.Insert(7, " ").Insert(4, " ");
        if (!grouped.AsSpan().TryCopyTo(destination))
        {
            return false;
        }

        charsWritten = grouped.Length;
        return true;
    }
}

/// <summary>
/// A smart meter's serial (<c>21E0012345</c>). <c>"G"</c> prints it whole; <c>"M"</c> prints its
/// three-character model prefix (<c>21E</c>), which the field teams group faults by.
/// </summary>
public readonly record struct MeterSerial(string Value) : ISpanFormattable
{
    public override string ToString() => Value;

    public string ToString(string? format, IFormatProvider? formatProvider) =>
        format == "M" ? Value[..3] : Value;

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var text = format.SequenceEqual("M") ? Value.AsSpan(0, 3) : Value.AsSpan();
        charsWritten = text.TryCopyTo(destination) ? text.Length : 0;
        return charsWritten == text.Length;
    }
}

/// <summary>Money as printed on letters: <c>£1,234.56</c>.</summary>
public readonly record struct Pounds(decimal Amount) : ISpanFormattable
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public override string ToString() => Amount.ToString("C", EnGb);

    public string ToString(string? format, IFormatProvider? formatProvider) => Amount.ToString(format ?? "C", EnGb);

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Amount.TryFormat(destination, out charsWritten, format.IsEmpty ? "C" : format, EnGb);
}
