namespace LearnKit.Credentials;

/// <summary>A certificate issued to a person. Prints its members: number, holder's name and email, course and dates.</summary>
public sealed record Certificate(string CertificateNumber, string HolderName, string HolderEmail, string CourseCode, DateOnly IssuedOn, DateOnly? ExpiresOn)
{
    /// <summary>The public page where anyone with the link can see the holder's name and what they hold.</summary>
    public Uri VerificationUrl => new($"https://verify.example.org/c/{CertificateNumber}");
}

/// <summary>The layout a certificate is printed with. Prints its members.</summary>
public sealed record CertificateTemplate(string TemplateId, string Title, string Locale, int Version);

/// <summary>An Open Badges recipient identity: the type, whether it is hashed, the identity and the salt.</summary>
public sealed record IdentityObject(string Type, bool Hashed, string Identity, string? Salt);

/// <summary>An Open Badges assertion: the badge class, the recipient and the issue date. Prints its members.</summary>
public sealed record BadgeAssertion(Uri Id, Uri BadgeClass, IdentityObject Recipient, DateTimeOffset IssuedOn);

public interface ICertificateIssuer
{
    Task<Certificate> IssueAsync(string courseCode, string holderName, string holderEmail, CertificateTemplate template, CancellationToken cancellationToken = default);

    Task<byte[]> RenderPdfAsync(Certificate certificate, CancellationToken cancellationToken = default);

    Task RevokeAsync(string certificateNumber, string reason, CancellationToken cancellationToken = default);
}

/// <summary>The renderer failed; quotes the template and the field that did not fit.</summary>
public sealed class CertificateRenderException(string templateId, string field)
    : Exception($"Template '{templateId}' could not lay out field '{field}'")
{
    public string TemplateId { get; } = templateId;
}

/// <summary>The certificate was already revoked; quotes its number.</summary>
public sealed class CertificateRevokedException(string certificateNumber)
    : Exception($"Certificate {certificateNumber} was revoked")
{
    public string CertificateNumber { get; } = certificateNumber;
}
