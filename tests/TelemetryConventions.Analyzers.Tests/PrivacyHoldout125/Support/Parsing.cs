namespace HireKit.Parsing;

using System.IO;

// A CV parser in the shape of the resume parsing APIs (Affinda, Textkernel): a document in,
// structured fields out.

public sealed record ParsedCv(
    string? FullName,
    string? Email,
    string? Phone,
    string? Postcode,
    IReadOnlyList<string> Skills,
    int YearsOfExperience,
    string? HighestQualification,
    string RawText);

public sealed record CvDocument(string DocumentId, string FileName, string ContentType, int Pages, long Bytes);

public interface ICvParser
{
    Task<ParsedCv> ParseAsync(CvDocument document, Stream content, CancellationToken cancellationToken);
}

/// <summary>The parser's error: the document id and a reason code.</summary>
public sealed class CvParseException(string documentId, string reason)
    : Exception($"Document {documentId} could not be parsed: {reason}")
{
    public string Reason { get; } = reason;
}
