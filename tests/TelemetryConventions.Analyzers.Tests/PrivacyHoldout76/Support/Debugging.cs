using System.Text.Json;

namespace Debugkit;

// The platform team's debugging kit. What prints what:
// - DebugSnapshot.ToString() prints "<site> [<snapshot id>] name=value, …" for every local captured.
// - DiagnosticDump.Of(value) serialises every public property of the object to JSON.
// - VerboseTracingOptions.DebugUsers is the allow list of people whose requests are traced verbosely
//   ("sampled up"); support staff add the email, gamertag or login from a ticket.

public sealed class DebugSnapshot(string site, Exception? error)
{
    public string Site { get; } = site;

    public string SnapshotId { get; } = Guid.NewGuid().ToString("N")[..12];

    public string? ErrorType { get; } = error?.GetType().Name;

    public IDictionary<string, object?> Locals { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    public DebugSnapshot With(string name, object? value)
    {
        Locals[name] = value;
        return this;
    }

    public override string ToString() => $"{Site} [{SnapshotId}] " + string.Join(", ", Locals.Select(l => $"{l.Key}={l.Value}"));
}

public static class DiagnosticDump
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Of(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);
}

public sealed class VerboseTracingOptions
{
    public IReadOnlyList<string> DebugUsers { get; init; } = [];

    public DateTimeOffset Until { get; init; }

    public bool IsDebugUser(string? user) =>
        user is not null && DateTimeOffset.UtcNow < Until && DebugUsers.Contains(user, StringComparer.OrdinalIgnoreCase);
}
