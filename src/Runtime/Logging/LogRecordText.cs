using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace TelemetryConventions.Logging;

/// <summary>
/// The text of a generated log event for text-only logging providers (console, debug): the body
/// followed by <c>name=value</c> for each attribute. OpenTelemetry reads the attributes and the
/// body directly and never asks for this text unless <c>IncludeFormattedMessage</c> is set.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LogRecordText
{
    /// <summary>The key under which <c>ILogger</c> providers find the message template; OpenTelemetry makes it the body.</summary>
    public const string BodyKey = "{OriginalFormat}";

    /// <summary>Formats the state of a generated log event; it is never boxed here.</summary>
    public static string Format<TState>(in TState state)
        where TState : IReadOnlyList<KeyValuePair<string, object?>>
    {
        var builder = new StringBuilder();
        string? body = null;
        for (var i = 0; i < state.Count; i++)
        {
            var item = state[i];
            if (item.Key == BodyKey)
            {
                body = item.Value as string;
                continue;
            }
            builder.Append(' ').Append(item.Key).Append('=');
            Append(builder, item.Value);
        }
        return builder.Insert(0, body ?? "").ToString();
    }

    private static void Append(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string text:
                builder.Append(text);
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case IFormattable formattable:
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IEnumerable items:
                builder.Append('[');
                var first = true;
                foreach (var item in items)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }
                    first = false;
                    Append(builder, item);
                }
                builder.Append(']');
                break;
            default:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
