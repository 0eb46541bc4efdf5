using System.Text.Json;
using PrivacyHoldout76.Support;

namespace ShadowKit;

// The platform team's request mirroring kit: a middleware copies a sample of live requests to a
// shadow deployment, whose answers are compared with the primary's and thrown away. What prints what:
// - MirroredRequest.ToString() prints "<method> <path><query> -> <shadow host>" (not the body).
// - DiffEntry.ToString() prints "<json path>: <primary value> != <shadow value>".
// - ShadowComparison is a positional record: it prints the route template, the two statuses and the
//   type name of its list of differences.

public sealed record MirroredRequest(string Method, string Path, string Query, string? Body, string RouteTemplate, string ShadowHost)
{
    public static MirroredRequest From(IncomingRequest request, string shadowHost) =>
        new(request.Method, request.Path, request.Query, request.Body, request.RouteTemplate, shadowHost);

    public override string ToString() => $"{Method} {Path}{Query} -> {ShadowHost}";
}

public sealed record DiffEntry(string JsonPath, string? Primary, string? Shadow)
{
    public override string ToString() => $"{JsonPath}: {Primary} != {Shadow}";
}

public sealed record ShadowComparison(string RouteTemplate, int PrimaryStatus, int ShadowStatus, IReadOnlyList<DiffEntry> Differences)
{
    public bool Matches => PrimaryStatus == ShadowStatus && Differences.Count == 0;
}

public sealed record ShadowResponse(int Status, string Body, TimeSpan Elapsed);

public interface IShadowSender
{
    Task<ShadowResponse> SendAsync(MirroredRequest request, CancellationToken cancellationToken);
}

/// <summary>Compares two JSON documents leaf by leaf.</summary>
public static class JsonDiff
{
    public static IReadOnlyList<DiffEntry> Compare(string primary, string shadow)
    {
        var left = Flatten(primary);
        var right = Flatten(shadow);
        return left.Keys.Union(right.Keys)
            .Where(path => !Equals(left.GetValueOrDefault(path), right.GetValueOrDefault(path)))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new DiffEntry(path, left.GetValueOrDefault(path), right.GetValueOrDefault(path)))
            .ToList();
    }

    private static Dictionary<string, string?> Flatten(string json)
    {
        var leaves = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, "$", leaves);
        return leaves;
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, string?> leaves)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, $"{path}.{property.Name}", leaves);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{index++}]", leaves);
                }
                break;
            default:
                leaves[path] = element.ToString();
                break;
        }
    }
}
