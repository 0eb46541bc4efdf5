using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PrivacyHoldout21.Retail;

/// <summary>One EDIFACT segment: its tag and its data elements, each split into components.</summary>
public sealed record EdifactSegment(string Tag, IReadOnlyList<string[]> Elements, string Raw)
{
    public string Element(int position, int component = 0) =>
        position < Elements.Count && component < Elements[position].Length ? Elements[position][component] : string.Empty;
}

/// <summary>Splits an EDIFACT interchange (UNOC syntax with the default service string advice).</summary>
public static class Edifact
{
    public static IReadOnlyList<EdifactSegment> Split(string interchange)
    {
        var text = interchange.StartsWith("UNA", System.StringComparison.Ordinal) ? interchange[9..] : interchange;
        return SplitOn(text, '\'').Select(raw => raw.Trim('\r', '\n')).Where(raw => raw.Length > 0).Select(ToSegment).ToList();
    }

    private static EdifactSegment ToSegment(string raw)
    {
        var elements = SplitOn(raw, '+').Select(e => SplitOn(e, ':').ToArray()).ToList();
        return new EdifactSegment(elements[0][0], elements, raw);
    }

    /// <summary>Splits on a separator, honouring the release character '?'.</summary>
    private static IEnumerable<string> SplitOn(string text, char separator)
    {
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '?' && i + 1 < text.Length)
            {
                current.Append(text[++i]);
            }
            else if (text[i] == separator)
            {
                yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(text[i]);
            }
        }

        yield return current.ToString();
    }
}
