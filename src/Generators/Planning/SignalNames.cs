using System;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Generators.Planning;

/// <summary>
/// The names a span or event carries on the wire, and the .NET activity kind of a span: one
/// derivation shared by the wrappers and the catalog, so the two always agree.
/// </summary>
internal static class SignalNames
{
    /// <summary>The span's default name: its group id without the <c>span.</c> prefix.</summary>
    public static string SpanName(ResolvedGroup group) => StripPrefix(group.Id, "span.");

    /// <summary>The event name, or the group id without the <c>event.</c> prefix.</summary>
    public static string EventName(ResolvedGroup group) => group.EventName ?? StripPrefix(group.Id, "event.");

    public static string ActivityKind(SpanKind kind) => kind switch
    {
        SpanKind.Client => "Client",
        SpanKind.Server => "Server",
        SpanKind.Producer => "Producer",
        SpanKind.Consumer => "Consumer",
        _ => "Internal",
    };

    public static string StripPrefix(string id, string prefix) =>
        id.StartsWith(prefix, StringComparison.Ordinal) && id.Length > prefix.Length ? id.Substring(prefix.Length) : id;
}
