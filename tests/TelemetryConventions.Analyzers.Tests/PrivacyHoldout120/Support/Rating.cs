namespace Insurance.Rating;

// A pricing engine client in the shape of the rating APIs insurers expose to their distributors:
// a request of named rating factors, a response with the premium, its breakdown and reason codes.

/// <summary>What the engine prices. A class: it does not override ToString.</summary>
public sealed class RatingRequest
{
    public required string Product { get; init; }

    public string Channel { get; init; } = "web";

    public DateOnly InceptionDate { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Rating factors by name, as the engine's schema names them (postcode, dateOfBirth, sumInsured, ...).</summary>
    public Dictionary<string, string> Factors { get; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed record PremiumComponent(string Code, decimal Amount);

public enum QuoteDecision
{
    Accept,
    Refer,
    Decline,
}

public sealed record RatingResponse(
    string QuoteReference,
    decimal Premium,
    decimal InsurancePremiumTax,
    string Currency,
    QuoteDecision Decision,
    IReadOnlyList<string> ReasonCodes,
    IReadOnlyList<PremiumComponent> Breakdown,
    DateTimeOffset ExpiresAt,
    string EngineVersion);

public interface IRatingEngine
{
    Task<RatingResponse> RateAsync(RatingRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The engine refused the request; its message names the factor, never its value.</summary>
public sealed class RatingEngineException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
}

public sealed class RatingTimeoutException(string product, TimeSpan timeout)
    : Exception($"Rating {product} timed out after {timeout.TotalSeconds:0.#}s")
{
    public string Product { get; } = product;
}
