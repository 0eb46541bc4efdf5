namespace VeriDoc.Documents;

// Document capture and OCR, in the shape of the vendors' document APIs and of an MRZ reader.

public enum DocumentSide { Front, Back }

/// <summary>An uploaded image of a document. <c>Id</c> is the upload's id; <c>FileName</c> is the capture SDK's name, <c>document_{side}_{capture id}.jpg</c>.</summary>
public sealed record DocumentUpload(string Id, string ApplicantId, string Type, DocumentSide Side, string FileName, long FileSize, string ContentType);

/// <summary>What OCR read from a document image: typed fields, the confidence of each, and the raw text.</summary>
public sealed class OcrResult
{
    public string DocumentType { get; init; } = "passport";

    public string IssuingCountry { get; init; } = "GBR";

    public string? DocumentNumber { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public DateOnly? DateOfExpiry { get; init; }

    public string? Nationality { get; init; }

    public string? Gender { get; init; }

    public string? PersonalNumber { get; init; }

    public string? AddressLines { get; init; }

    /// <summary>Every field by name, as read.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>Confidence of each field, 0 to 1.</summary>
    public IReadOnlyDictionary<string, double> Confidence { get; init; } = new Dictionary<string, double>();

    /// <summary>All the text on the page, line by line.</summary>
    public string RawText { get; init; } = string.Empty;

    public Mrz? Mrz { get; init; }

    public double OverallConfidence => Confidence.Count == 0 ? 0 : Confidence.Values.Average();
}

/// <summary>The machine-readable zone, its lines and the result of its check digits.</summary>
public sealed record Mrz(string Line1, string Line2, string? Line3, bool CheckDigitsValid)
{
    public string Format => Line3 is null ? "TD3" : "TD1";
}

/// <summary>Why the MRZ reader refused a zone. Its message quotes the line it could not parse.</summary>
public sealed class MrzParseException(string line, int position)
    : Exception($"Invalid MRZ character at position {position} in '{line}'")
{
    public string Line { get; } = line;

    public int Position { get; } = position;
}

/// <summary>OCR gave up on an image: too blurred, glare, cut off. Its message names the quality problem.</summary>
public sealed class ImageQualityException(string problem, double score)
    : Exception($"Image rejected: {problem} (quality {score:0.00})")
{
    public string Problem { get; } = problem;

    public double Score { get; } = score;
}

public interface IDocumentReader
{
    Task<OcrResult> ReadAsync(byte[] image, string documentTypeHint, CancellationToken cancellationToken = default);

    Mrz ParseMrz(string text);
}

/// <summary>A proof of address: a bill or statement with the holder's name and address, its issuer and date.</summary>
public sealed class ProofOfAddress
{
    public string DocumentKind { get; init; } = "utility_bill";

    public string Issuer { get; init; } = string.Empty;

    public DateOnly IssuedOn { get; init; }

    public string HolderName { get; init; } = string.Empty;

    public string AddressLine1 { get; init; } = string.Empty;

    public string? AddressLine2 { get; init; }

    public string Town { get; init; } = string.Empty;

    public string Postcode { get; init; } = string.Empty;

    public string? AccountReference { get; init; }

    public double Confidence { get; init; }
}

/// <summary>The address extracted did not match the one given at sign-up. Its message quotes both.</summary>
public sealed class AddressMismatchException(string declared, string extracted)
    : Exception($"Address on document '{extracted}' does not match declared address '{declared}'")
{
    public string Declared { get; } = declared;

    public string Extracted { get; } = extracted;
}

/// <summary>A document older than the accepted age. Its message gives the kind and the dates.</summary>
public sealed class DocumentTooOldException(string kind, DateOnly issuedOn, TimeSpan maxAge)
    : Exception($"{kind} issued {issuedOn:yyyy-MM-dd} is older than {maxAge.TotalDays:0} days")
{
    public string Kind { get; } = kind;
}

/// <summary>The document has expired. Its message gives the document's type and number.</summary>
public sealed class DocumentExpiredException(string type, string documentNumber, DateOnly expiredOn)
    : Exception($"{type} {documentNumber} expired on {expiredOn:yyyy-MM-dd}")
{
    public string DocumentType { get; } = type;

    public DateOnly ExpiredOn { get; } = expiredOn;
}
