namespace PrivacyHoldout82.Support;

/// <summary>The platform's secret shard key, injected from the key vault.</summary>
public sealed record ShardKey(byte[] Key)
{
    public int ShardOf(string value, int shards)
    {
        var mac = HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)shards);
    }
}

/// <summary>Where the strangler facade sends a request: the legacy system or the new service.</summary>
public enum RouteTarget
{
    Legacy,
    Modern,
    Both,
}

/// <summary>The facade's decision, with the rule that made it.</summary>
public sealed record RoutingDecision(string Operation, RouteTarget Target, string Rule);

/// <summary>One field that differs between the legacy and the new answer; prints both values.</summary>
public sealed record FieldDifference(string Field, string? Legacy, string? Modern);

/// <summary>The outcome of comparing a legacy and a new response.</summary>
public sealed record ResponseComparison(string Operation, bool Matched, IReadOnlyList<FieldDifference> Differences)
{
    public static ResponseComparison Of(string operation, IReadOnlyDictionary<string, string?> legacy, IReadOnlyDictionary<string, string?> modern)
    {
        var differences = legacy.Keys.Union(modern.Keys)
            .Select(k => new FieldDifference(k, legacy.GetValueOrDefault(k), modern.GetValueOrDefault(k)))
            .Where(d => d.Legacy != d.Modern)
            .ToList();
        return new ResponseComparison(operation, differences.Count == 0, differences);
    }
}

/// <summary>
/// Thrown by an anti-corruption translator for a legacy code it has no mapping for. The message names the
/// code table and the code only.
/// </summary>
public sealed class UnmappedLegacyCodeException(string table, string code)
    : Exception($"No mapping for legacy code '{code}' in table {table}")
{
    public string Table { get; } = table;

    public string Code { get; } = code;
}

/// <summary>A legacy system's own error: its code and the message text it returned, verbatim.</summary>
public sealed class LegacySystemException(string system, string code, string legacyMessage)
    : Exception($"{system} returned {code}: {legacyMessage}")
{
    public string System { get; } = system;

    public string Code { get; } = code;

    public string LegacyMessage { get; } = legacyMessage;
}

/// <summary>Batch file names as the mainframe schedulers write them.</summary>
public static class BatchNames
{
    public static string ForDate(string prefix, DateOnly day, int generation = 1) =>
        $"{prefix}.D{day:yyMMdd}.G{generation:0000}V00";
}
