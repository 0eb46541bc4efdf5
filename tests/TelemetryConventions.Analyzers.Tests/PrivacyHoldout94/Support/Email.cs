namespace ContactKit.Email;

// An email verification client in the shape of the deliverability APIs (syntax, MX, disposable
// domains, role accounts, an SMTP probe) and the verification tokens and links a service mails.

public enum Deliverability
{
    Deliverable,
    Undeliverable,
    Risky,
    Unknown,
}

public sealed record MxRecord(string Exchange, int Preference);

public interface IMxResolver
{
    Task<IReadOnlyList<MxRecord>> ResolveAsync(string domain, CancellationToken cancellationToken = default);
}

/// <summary>The resolver's failure; it quotes the domain and the DNS response code.</summary>
public sealed class MxLookupException(string domain, string responseCode)
    : Exception($"MX lookup for '{domain}' failed: {responseCode}")
{
    public string Domain { get; } = domain;

    public string ResponseCode { get; } = responseCode;
}

public static class EmailSyntax
{
    public static bool TryParse(string input, out string localPart, out string domain)
    {
        var at = input.LastIndexOf('@');
        localPart = at > 0 ? input[..at] : string.Empty;
        domain = at > 0 ? input[(at + 1)..] : string.Empty;
        return at > 0 && at < input.Length - 1 && !input.Contains(' ');
    }

    public static string Normalise(string input) => input.Trim().ToLowerInvariant();

    public static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..].ToLowerInvariant();
}

/// <summary>The disposable-mail domain list, refreshed from the vendor's feed.</summary>
public sealed class DisposableDomainList
{
    private readonly HashSet<string> _domains = new(StringComparer.OrdinalIgnoreCase) { "mailinator.com", "10minutemail.com", "guerrillamail.com" };

    public string Version { get; init; } = "2025-06-01";

    public int Count => _domains.Count;

    public bool Contains(string domain) => _domains.Contains(domain);
}

/// <summary>What the verifier found. <see cref="SmtpResponse"/> is the receiving server's reply to the probe.</summary>
public sealed record EmailVerificationResult(
    string Address,
    bool SyntaxValid,
    string Domain,
    bool HasMx,
    bool IsDisposable,
    bool IsRoleAccount,
    bool IsCatchAll,
    Deliverability Deliverability,
    string? SmtpResponse,
    string? DidYouMean);

public interface IEmailVerifier
{
    Task<EmailVerificationResult> VerifyAsync(string address, CancellationToken cancellationToken = default);
}

/// <summary>The verifier's API refused the request; its message is the API's and may quote the address.</summary>
public sealed class EmailVerificationException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>A token mailed to a person to prove they control the address.</summary>
public sealed record VerificationToken(Guid TokenId, string Token, string Email, DateTimeOffset ExpiresAt);

public sealed class VerificationTokenIssuer
{
    public VerificationToken Issue(string email, TimeSpan lifetime) =>
        new(Guid.NewGuid(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)), email, DateTimeOffset.UtcNow + lifetime);

    public Uri BuildLink(Uri baseUri, VerificationToken token) =>
        new(baseUri, $"verify-email?token={Uri.EscapeDataString(token.Token)}&email={Uri.EscapeDataString(token.Email)}");
}

/// <summary>The token presented was unknown or expired; the message names the token id only.</summary>
public sealed class VerificationTokenExpiredException(Guid tokenId) : Exception($"Verification token {tokenId} has expired")
{
    public Guid TokenId { get; } = tokenId;
}
