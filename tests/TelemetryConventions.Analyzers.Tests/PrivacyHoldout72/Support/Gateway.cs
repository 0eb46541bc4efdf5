namespace PrivacyHoldout72.Support;

/// <summary>
/// The platform team's token exchange client (RFC 8693): swaps the caller's access token for a
/// token scoped to one downstream audience. Implemented over the identity server's token endpoint.
/// </summary>
public interface ITokenExchangeClient
{
    Task<DownstreamToken> ExchangeAsync(string subjectToken, string audience, CancellationToken cancellationToken);
}

/// <summary>A token issued for one downstream audience on behalf of the caller.</summary>
public sealed record DownstreamToken(string AccessToken, string Audience, DateTimeOffset ExpiresAt, string TokenId);

/// <summary>Thrown by the token exchange client when the identity server refuses an exchange; the message is the server's <c>error_description</c>.</summary>
public sealed class TokenExchangeException(string error, string message) : Exception(message)
{
    public string Error { get; } = error;
}

/// <summary>Thrown by the BFFs' typed clients when a downstream service answers with a failure status.</summary>
public sealed class DownstreamException(string service, int statusCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Service { get; } = service;

    public int StatusCode { get; } = statusCode;
}

/// <summary>What a BFF answers when the composition fails: written to the response, not logged.</summary>
public sealed record GatewayProblem(int Status, string Title, string? Detail, string CorrelationId);

/// <summary>The platform's secret shard key, injected from the key vault.</summary>
public sealed record ShardKey(byte[] Key);

/// <summary>Helpers the platform team shares between the BFFs.</summary>
public static class Correlation
{
    public const string HeaderName = "X-Correlation-Id";

    public static string For(HttpContext context) =>
        context.Request.Headers.TryGetValue(HeaderName, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : context.TraceIdentifier;
}
