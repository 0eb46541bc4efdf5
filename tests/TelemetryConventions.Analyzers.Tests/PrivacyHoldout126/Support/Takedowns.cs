namespace ReviewKit.Takedowns;

// Copyright and legal takedowns in the shape of a DMCA notice as hosts receive it (and as they report it
// to the Lumen database): the complainant, who they act for, the work and the URLs of the content.

/// <summary>A notice. Prints its members (lists as their type's name).</summary>
public sealed record TakedownNotice(string NoticeId, string ComplainantName, string ComplainantEmail, string? RightsHolder, string WorkDescription, IReadOnlyList<string> ContentUrls)
{
    public string Basis { get; init; } = "copyright";

    public DateTimeOffset ReceivedAt { get; init; }

    public bool SwornStatement { get; init; }
}

/// <summary>The uploader's counter-notice, with the name and address the law asks for. Prints its members.</summary>
public sealed record CounterNotice(string NoticeId, string UploaderId, string FullName, string PostalAddress, string Statement);

/// <summary>The notice could not be matched to content: quotes the URL given.</summary>
public sealed class UnmatchedContentException(string url) : Exception($"No content found at {url}")
{
    public string Url { get; } = url;
}
