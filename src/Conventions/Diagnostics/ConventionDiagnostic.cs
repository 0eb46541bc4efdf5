using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Conventions.Diagnostics;

public enum DiagnosticSeverityLevel
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// The fixed part of a TC0xxx rule: id, title, message format and default severity. The
/// generator turns each into a Roslyn descriptor; everything else only handles this data.
/// </summary>
public sealed record DiagnosticRule(string Id, string Title, string MessageFormat, DiagnosticSeverityLevel Severity)
{
    public string HelpLink => $"https://github.com/telemetry-conventions/telemetry-conventions/blob/main/docs/rules/{Id}.md";
}

/// <summary>A problem in a convention file, carried as data until the generator reports it.</summary>
public sealed record ConventionDiagnostic(string Id, DiagnosticSeverityLevel Severity, string Message, SourceSpan Location)
{
    public static ConventionDiagnostic Create(DiagnosticRule rule, SourceSpan location, params object?[] args) =>
        new(rule.Id, rule.Severity, string.Format(System.Globalization.CultureInfo.InvariantCulture, rule.MessageFormat, args), location);

    public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
