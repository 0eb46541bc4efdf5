namespace OidcKit;

// An OpenID Connect relying party, reduced: the authorization callback's parameters, the token endpoint's
// response, the id token's claims, refresh, and the errors a provider returns.

/// <summary>The query of the redirect back from the provider.</summary>
public sealed record AuthorizationCallback(string? Code, string State, string? Error, string? ErrorDescription, string? Iss);

/// <summary>The state the service stored before redirecting: its key, the nonce, the PKCE verifier and where to return.</summary>
public sealed record PendingAuthorization(string State, string Nonce, string CodeVerifier, string ReturnUrl, string? LoginHint);

/// <summary>The token endpoint's response. A model class without <c>ToString</c>.</summary>
public sealed class TokenResponse
{
    public string AccessToken { get; set; } = string.Empty;

    public string? IdToken { get; set; }

    public string? RefreshToken { get; set; }

    public string TokenType { get; set; } = "Bearer";

    public int ExpiresIn { get; set; }

    public string? Scope { get; set; }
}

/// <summary>The claims of a validated id token.</summary>
public sealed class IdTokenClaims
{
    public string Subject { get; init; } = string.Empty;

    public string Issuer { get; init; } = string.Empty;

    public string Audience { get; init; } = string.Empty;

    public string? Email { get; init; }

    public bool EmailVerified { get; init; }

    public string? Name { get; init; }

    public string? PreferredUsername { get; init; }

    public string? SessionId { get; init; }

    public string TokenId { get; init; } = string.Empty;

    public IReadOnlyList<string> AuthenticationMethods { get; init; } = Array.Empty<string>();

    public string? Acr { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}

public interface IOidcClient
{
    string BuildAuthorizeUrl(PendingAuthorization pending, string scope);

    Task<TokenResponse> RedeemCodeAsync(string code, string codeVerifier, CancellationToken cancellationToken = default);

    Task<TokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default);

    IdTokenClaims ValidateIdToken(string idToken, string expectedNonce);
}

/// <summary>An error response of the provider's token endpoint: <c>error</c>, <c>error_description</c>, the HTTP status.</summary>
public sealed class OidcProtocolException(string error, string? errorDescription, int status)
    : Exception($"Token endpoint returned {status}: {error}")
{
    public string Error { get; } = error;

    public string? ErrorDescription { get; } = errorDescription;

    public int Status { get; } = status;
}

/// <summary>Thrown by <c>ValidateIdToken</c>: names the failed check (nonce, audience, lifetime, signature), never the claims.</summary>
public sealed class IdTokenValidationException(string check)
    : Exception($"The id token failed the {check} check.")
{
    public string Check { get; } = check;
}
