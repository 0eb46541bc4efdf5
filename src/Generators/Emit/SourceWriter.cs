using System;
using System.Text;

namespace TelemetryConventions.Generators.Emit;

/// <summary>A StringBuilder with indentation and XML-doc helpers; output always uses '\n'.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4).Append(text);
        }
        _builder.Append('\n');
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Writes one XML doc element from ready XML text, keeping paragraph breaks.</summary>
    public SourceWriter Doc(string element, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }
        Line($"/// <{element}>");
        var paragraphs = text!.Replace("\r\n", "\n").Trim().Split(new[] { "\n\n" }, StringSplitOptions.None);
        for (var i = 0; i < paragraphs.Length; i++)
        {
            if (paragraphs.Length > 1)
            {
                Line("/// <para>");
            }
            foreach (var line in paragraphs[i].Split('\n'))
            {
                Line("/// " + line.TrimEnd());
            }
            if (paragraphs.Length > 1)
            {
                Line("/// </para>");
            }
        }
        Line($"/// </{element}>");
        return this;
    }

    public static string EscapeXml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public override string ToString() => _builder.ToString();
}
