namespace Azure.AI.ContentSafety;

// A stand-in for Azure.AI.ContentSafety: text analysis with harm categories and the service's blocklists.

public readonly struct TextCategory : IEquatable<TextCategory>
{
    public TextCategory(string value) => Value = value;

    public static TextCategory Hate { get; } = new("Hate");

    public static TextCategory SelfHarm { get; } = new("SelfHarm");

    public static TextCategory Sexual { get; } = new("Sexual");

    public static TextCategory Violence { get; } = new("Violence");

    public string Value { get; }

    public bool Equals(TextCategory other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is TextCategory other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value ?? string.Empty);

    public override string ToString() => Value;
}

public sealed class AnalyzeTextOptions(string text)
{
    public string Text { get; } = text;

    public IList<string> BlocklistNames { get; } = new List<string>();

    public bool? HaltOnBlocklistHit { get; set; }
}

public sealed class TextCategoriesAnalysis(TextCategory category, int? severity)
{
    public TextCategory Category { get; } = category;

    public int? Severity { get; } = severity;
}

/// <summary>A match of one of the organisation's blocklists: the list, the item's id and the blocked term it holds.</summary>
public sealed class TextBlocklistMatch(string blocklistName, string blocklistItemId, string blocklistItemText)
{
    public string BlocklistName { get; } = blocklistName;

    public string BlocklistItemId { get; } = blocklistItemId;

    public string BlocklistItemText { get; } = blocklistItemText;
}

public sealed class AnalyzeTextResult
{
    public IReadOnlyList<TextBlocklistMatch> BlocklistsMatch { get; init; } = Array.Empty<TextBlocklistMatch>();

    public IReadOnlyList<TextCategoriesAnalysis> CategoriesAnalysis { get; init; } = Array.Empty<TextCategoriesAnalysis>();
}

public sealed class Response<T>(T value)
{
    public T Value { get; } = value;
}

public class ContentSafetyClient
{
    public virtual Task<Response<AnalyzeTextResult>> AnalyzeTextAsync(AnalyzeTextOptions options, CancellationToken cancellationToken = default) =>
        Task.FromResult(new Response<AnalyzeTextResult>(new AnalyzeTextResult()));
}
