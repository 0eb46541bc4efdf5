namespace ContactKit.Enrichment;

// A third-party contact enrichment provider (Clearbit/FullContact-like): look a person up by email,
// phone or name and postcode, get a profile back with a confidence.

public sealed record EnrichmentRequest(string? Email, string? Phone, string? FullName, string? Postcode);

public sealed record EnrichmentProfile(
    string MatchedOn,
    string? FullName,
    string? Email,
    string? Phone,
    string? Employer,
    string? JobTitle,
    string? City,
    double Confidence,
    IReadOnlyList<string> Sources);

public interface IEnrichmentProvider
{
    string Name { get; }

    Task<EnrichmentProfile?> EnrichAsync(EnrichmentRequest request, CancellationToken cancellationToken = default);

    Task<ProviderQuota> QuotaAsync(CancellationToken cancellationToken = default);
}

/// <summary>The provider's error; the message is the provider's and echoes what it was asked about.</summary>
public sealed class EnrichmentProviderException(string provider, int statusCode, string message) : Exception(message)
{
    public string Provider { get; } = provider;

    public int StatusCode { get; } = statusCode;
}

public sealed record ProviderQuota(string Provider, int Remaining, DateTimeOffset ResetsAt);
