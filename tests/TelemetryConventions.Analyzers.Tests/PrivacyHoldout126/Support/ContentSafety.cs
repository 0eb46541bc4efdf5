namespace ContentSafety;

// A content moderation client in the shape of Azure AI Content Safety: text and image analysis with
// harm categories and severities, and matches against the service's own blocklists.

public enum TextCategory
{
    Hate,
    SelfHarm,
    Sexual,
    Violence,
}

public sealed record TextCategoriesAnalysis(TextCategory Category, int? Severity);

/// <summary>A term of one of the organisation's blocklists that matched. Prints its members.</summary>
public sealed record TextBlocklistMatch(string BlocklistName, string BlocklistItemId, string BlocklistItemText);

public sealed class AnalyzeTextOptions(string text)
{
    public string Text { get; } = text;

    public IList<string> BlocklistNames { get; } = new List<string>();

    public bool HaltOnBlocklistHit { get; set; }
}

public sealed class AnalyzeTextResult
{
    public IReadOnlyList<TextBlocklistMatch> BlocklistsMatch { get; init; } = Array.Empty<TextBlocklistMatch>();

    public IReadOnlyList<TextCategoriesAnalysis> CategoriesAnalysis { get; init; } = Array.Empty<TextCategoriesAnalysis>();
}

public sealed class AnalyzeImageResult
{
    public IReadOnlyList<TextCategoriesAnalysis> CategoriesAnalysis { get; init; } = Array.Empty<TextCategoriesAnalysis>();
}

public sealed class ContentSafetyClient
{
    public Task<AnalyzeTextResult> AnalyzeTextAsync(AnalyzeTextOptions options, CancellationToken cancellationToken = default) =>
        Task.FromResult(new AnalyzeTextResult());

    public Task<AnalyzeImageResult> AnalyzeImageAsync(Uri blobUrl, CancellationToken cancellationToken = default) =>
        Task.FromResult(new AnalyzeImageResult());
}

/// <summary>Azure's <c>RequestFailedException</c>: a status, an error code and the service's message about the request.</summary>
public sealed class RequestFailedException(int status, string errorCode, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string ErrorCode { get; } = errorCode;
}
