using System;

namespace TelemetryConventions.Samples.Rendering;

/// <summary>ANSI colours for the console rendering, or none.</summary>
public sealed class ConsoleStyle
{
    /// <summary>Plain text, for files, pipes and tests.</summary>
    public static readonly ConsoleStyle Plain = new(false);

    /// <summary>A style that colours when <paramref name="enabled"/>.</summary>
    public ConsoleStyle(bool enabled) => Enabled = enabled;

    /// <summary>Whether escape codes are written.</summary>
    public bool Enabled { get; }

    /// <summary>
    /// Colour only for a terminal: not when output is redirected (logs, CI, tests) and not when the
    /// user opted out through the NO_COLOR convention.
    /// </summary>
    public static ConsoleStyle ForConsole(bool noColorOption) =>
        new(!noColorOption && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    /// <summary>Headings.</summary>
    public string Bold(string text) => Wrap("1", text);

    /// <summary>Attributes and other detail.</summary>
    public string Dim(string text) => Wrap("2", text);

    /// <summary>Failures.</summary>
    public string Red(string text) => Wrap("31", text);

    /// <summary>Success.</summary>
    public string Green(string text) => Wrap("32", text);

    /// <summary>Warnings and events.</summary>
    public string Yellow(string text) => Wrap("33", text);

    /// <summary>Span names.</summary>
    public string Cyan(string text) => Wrap("36", text);

    private string Wrap(string code, string text) => Enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
