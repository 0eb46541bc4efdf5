using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout53.Telemetry;

namespace PrivacyHoldout53.Healthcare;

public sealed class PdsOptions
{
    public Uri TokenEndpoint { get; set; } = new("https://api.service.nhs.uk/oauth2/token");

    public string ApiKey { get; set; } = string.Empty;

    public string KeyId { get; set; } = "trust-pds-1";

    public string OdsCode { get; set; } = "RX1";

    public bool LogBodies { get; set; }
}

internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] string ExpiresIn,
    [property: JsonPropertyName("token_type")] string TokenType);

internal sealed record TokenError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string? Description,
    [property: JsonPropertyName("message_id")] string? MessageId);

/// <summary>
/// Application-restricted access to PDS: a client assertion signed with the trust's key is exchanged
/// for an access token (client credentials), cached until a minute before it expires.
/// </summary>
public sealed class PdsTokenCache(IHttpClientFactory clients, IOptions<PdsOptions> options, ILogger<PdsTokenCache> logger, IClientAssertionSigner signer)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expiresAt;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is not null && DateTimeOffset.UtcNow < _expiresAt)
        {
            Activity.Current?.EnrichPartnerCall("pds-auth", "token").SetPartnerTokenCached(true); // clean direct
            return _token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var assertion = signer.Sign(options.Value.ApiKey, options.Value.TokenEndpoint, options.Value.KeyId);
            using var client = clients.CreateClient("pds-auth");
            using var response = await client.PostAsync(options.Value.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                ["client_assertion"] = assertion,
            }), cancellationToken);

            if (!response.IsSuccessStatusCode)
            {
                var error = await response.Content.ReadFromJsonAsync<TokenError>(cancellationToken);
                logger.LogError("Token request refused: {Error} {Description} (message {MessageId})", error?.Error, error?.Description, error?.MessageId); // clean exceptions
                response.EnsureSuccessStatusCode();
            }

            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new InvalidOperationException("Empty token response.");
            _token = token.AccessToken;
            _expiresAt = DateTimeOffset.UtcNow.AddSeconds(int.Parse(token.ExpiresIn) - 60);
            logger.LogInformation("PDS token for client {ClientId} refreshed, valid until {ExpiresAt}", options.Value.ApiKey, _expiresAt); // clean direct
            logger.LogDebug("PDS access token {Token}", _token); // clean direct
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }
}

public interface IClientAssertionSigner
{
    string Sign(string clientId, Uri audience, string keyId);
}

/// <summary>Adds the token and the Spine correlation headers to every PDS request.</summary>
public sealed class PdsAccessTokenHandler(PdsTokenCache tokens, IOptions<PdsOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        if (!request.Headers.Contains("X-Request-ID"))
        {
            request.Headers.Add("X-Request-ID", Guid.NewGuid().ToString());
        }

        request.Headers.Add("X-Correlation-ID", Activity.Current?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N"));
        request.Headers.Add("NHSD-End-User-Organisation-ODS", options.Value.OdsCode);
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Logs every PDS exchange for the integration team's dashboards.</summary>
public sealed class PdsExchangeLoggingHandler(ILogger<PdsExchangeLoggingHandler> logger, IOptions<PdsOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        logger.LogDebug("PDS request {Method} {Uri}", request.Method, request.RequestUri); // leak TC1001 cross-member
        logger.LogDebug("PDS request headers {Headers}", request.Headers.ToString()); // clean cross-member

        var response = await base.SendAsync(request, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        request.Headers.TryGetValues("X-Request-ID", out var requestIds);

        logger.LogInformation("PDS {Method} {Path} answered {Status} in {Elapsed} ms", request.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, elapsed.TotalMilliseconds); // leak TC1001 cross-member
        logger.LogInformation("PDS request {RequestId} answered {Status} in {Elapsed} ms", string.Join(",", requestIds ?? []), (int)response.StatusCode, elapsed.TotalMilliseconds); // clean direct
        Activity.Current?.SetTag("pds.etag", response.Headers.ETag?.Tag); // clean precision-about

        if (!response.IsSuccessStatusCode && options.Value.LogBodies)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            logger.LogWarning("PDS error body {Body}", body); // leak TC1001 exceptions
            logger.LogWarning("PDS error body of {Length} bytes, {ContentType}", body.Length, response.Content.Headers.ContentType?.MediaType); // clean precision-about
        }

        return response;
    }
}
