using System.Collections.Generic;
using System.Text;

namespace TelemetryConventions.Generators.Planning;

/// <summary>Turns convention names (<c>http.request.method</c>, <c>gen_ai</c>, <c>GET</c>) into C# identifiers.</summary>
internal static class CSharpNames
{
    /// <summary><c>request.method_original</c> becomes <c>RequestMethodOriginal</c>.</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }
        if (builder.Length == 0 || !char.IsLetter(builder[0]))
        {
            // Identifiers cannot start with a digit ("1.1" -> "V1_1" reads better than "_11").
            builder.Clear().Append('V');
            var lastWasSeparator = false;
            foreach (var c in name)
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(c);
                    lastWasSeparator = false;
                }
                else if (!lastWasSeparator)
                {
                    builder.Append('_');
                    lastWasSeparator = true;
                }
            }
            return builder.ToString().TrimEnd('_');
        }
        return builder.ToString();
    }

    /// <summary><c>azure_vm</c> becomes <c>Azure_vm</c>: the fallback when the plain spelling is taken.</summary>
    public static string PascalKeepingUnderscores(string name)
    {
        var parts = name.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Pascal(parts[i].Replace('_', ' ')).Length == 0 ? parts[i] : KeepUnderscores(parts[i]);
        }
        var joined = string.Concat(parts);
        return joined.Length > 0 && char.IsLetter(joined[0]) ? joined : "V" + joined;
    }

    private static string KeepUnderscores(string segment)
    {
        var builder = new StringBuilder(segment.Length);
        foreach (var c in segment)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                builder.Append(builder.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }
        return builder.ToString();
    }

    public static string RootOf(string attributeName)
    {
        var dot = attributeName.IndexOf('.');
        return dot < 0 ? attributeName : attributeName.Substring(0, dot);
    }

    /// <summary>Escapes text for a C# string literal.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4"));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
