namespace AbuseKit.Captcha;

// A CAPTCHA verifier in the shape of reCAPTCHA v3's and Cloudflare Turnstile's siteverify API: the token
// the widget returned is posted with the site's secret and, optionally, the client's IP address. Only the
// shapes matter.

public sealed record SiteVerifyRequest(string Secret, string Response, string? RemoteIp, string? IdempotencyKey = null);

public sealed record SiteVerifyResponse
{
    public bool Success { get; init; }

    /// <summary>reCAPTCHA v3's score, 0.0 (a bot) to 1.0 (a person).</summary>
    public double? Score { get; init; }

    /// <summary>The action name the page gave the widget ("login", "book", "checkout").</summary>
    public string? Action { get; init; }

    public DateTimeOffset? ChallengeTs { get; init; }

    /// <summary>The site the widget was solved on.</summary>
    public string? Hostname { get; init; }

    /// <summary>Error codes such as "timeout-or-duplicate", "invalid-input-response".</summary>
    public IReadOnlyList<string> ErrorCodes { get; init; } = Array.Empty<string>();

    /// <summary>Turnstile's customer data: whatever the page passed to the widget as <c>cData</c>.</summary>
    public string? CData { get; init; }
}

public interface ICaptchaVerifier
{
    Task<SiteVerifyResponse> VerifyAsync(SiteVerifyRequest request, CancellationToken cancellationToken = default);
}

public sealed class CaptchaServiceException(int statusCode)
    : Exception($"The CAPTCHA service answered {statusCode}.")
{
    public int StatusCode { get; } = statusCode;
}
