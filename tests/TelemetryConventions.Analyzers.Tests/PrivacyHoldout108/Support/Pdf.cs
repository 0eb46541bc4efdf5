namespace PdfKit;

// A PDF form-filling and signing library in the shape of iText's AcroForm and PdfSigner APIs, reduced:
// templates with AcroForm fields, a filled and flattened document, a digital signature applied with a
// certificate, and the signature's appearance (reason, location, signer name).

/// <summary>A PDF template with named AcroForm fields.</summary>
public sealed record PdfTemplate(string TemplateId, int Version, string Locale, IReadOnlyList<string> FieldNames);

/// <summary>A filled (and usually flattened) PDF. A record: printed, it shows its file name, page count and content as <c>System.Byte[]</c>.</summary>
public sealed record GeneratedPdf(string FileName, int PageCount, byte[] Content);

public sealed class PdfFormFiller
{
    public GeneratedPdf Fill(PdfTemplate template, IReadOnlyDictionary<string, string> fieldValues, string fileName, bool flatten = true) =>
        new(fileName, 2, Array.Empty<byte>());
}

/// <summary>A field the template does not have; the message names the field and the template.</summary>
public sealed class PdfFieldNotFoundException(string field, string templateId)
    : Exception($"Field '{field}' does not exist in template '{templateId}'.")
{
    public string Field { get; } = field;
}

/// <summary>A value the field refuses (too long, wrong format); the message quotes the value.</summary>
public sealed class PdfFieldValueException(string field, string value)
    : Exception($"Value '{value}' is not valid for field '{field}'.")
{
    public string Field { get; } = field;
}

/// <summary>A certificate as <c>X509Certificate2</c> shows it: subject, issuer, serial, thumbprint, validity.</summary>
public sealed class SigningCertificate
{
    public required string Subject { get; init; }

    public required string Issuer { get; init; }

    public required string SerialNumber { get; init; }

    public required string Thumbprint { get; init; }

    public DateTime NotAfter { get; init; }

    public override string ToString() => $"[Subject] {Subject} [Issuer] {Issuer} [Serial Number] {SerialNumber} [Thumbprint] {Thumbprint}";
}

public sealed class SignatureAppearance
{
    public string? Reason { get; set; }

    public string? Location { get; set; }

    public string? SignerName { get; set; }

    public string? Contact { get; set; }
}

public sealed record SignedPdf(string FileName, byte[] Content, string SignatureField, DateTimeOffset SignedAt);

public sealed class PdfSigner
{
    public SignedPdf Sign(GeneratedPdf document, SigningCertificate certificate, SignatureAppearance appearance, string fieldName = "Signature1") =>
        new(document.FileName, document.Content, fieldName, DateTimeOffset.UtcNow);
}

/// <summary>The timestamp authority refused or did not answer; the message names the TSA's URL.</summary>
public sealed class TimestampAuthorityException(string tsaUrl) : Exception($"The timestamp authority at {tsaUrl} did not answer.");

/// <summary>A certificate that has expired or been revoked; the message quotes its subject.</summary>
public sealed class CertificateValidationException(SigningCertificate certificate, string reason)
    : Exception($"Certificate '{certificate.Subject}' is not valid for signing: {reason}.")
{
    public string Reason { get; } = reason;
}
