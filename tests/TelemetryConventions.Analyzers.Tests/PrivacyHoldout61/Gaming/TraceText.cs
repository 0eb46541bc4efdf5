using System;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace PrivacyHoldout61.Gaming;

/// <summary>A player's public handle.</summary>
public readonly record struct Gamertag(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// The live-ops team's handler for text that goes on spans. It formats like
/// <see cref="DefaultInterpolatedStringHandler"/>, except that a <see cref="Gamertag"/> hole is
/// written as <c>[player]</c>, so announcements can be traced without naming anyone.
/// </summary>
[InterpolatedStringHandler]
public ref struct TraceTextHandler
{
    private DefaultInterpolatedStringHandler _inner;

    public TraceTextHandler(int literalLength, int formattedCount) =>
        _inner = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);

    public void AppendLiteral(string value) => _inner.AppendLiteral(value);

    public void AppendFormatted<T>(T value)
    {
        if (value is Gamertag)
        {
            _inner.AppendLiteral("[player]");
            return;
        }

        _inner.AppendFormatted(value);
    }

    public void AppendFormatted<T>(T value, string? format)
    {
        if (value is Gamertag)
        {
            _inner.AppendLiteral("[player]");
            return;
        }

        _inner.AppendFormatted(value, format);
    }

    public void AppendFormatted(ReadOnlySpan<char> value) => _inner.AppendFormatted(value);

    public string ToStringAndClear() => _inner.ToStringAndClear();
}

public static class TraceText
{
    /// <summary>Sets a text tag on the span through the handler above.</summary>
    public static void Note(Activity? activity, string key, ref TraceTextHandler text)
    {
        var value = text.ToStringAndClear();
        activity?.SetTag(key, value);
    }

    /// <summary>Adds a span event named by the text.</summary>
    public static void Event(Activity? activity, ref TraceTextHandler text) =>
        activity?.AddEvent(new ActivityEvent(text.ToStringAndClear()));
}
