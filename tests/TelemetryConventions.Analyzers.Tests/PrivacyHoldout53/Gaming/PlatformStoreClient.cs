using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout53.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout53.Gaming;

public sealed class PlatformStoreOptions
{
    public string Platform { get; set; } = "psn";

    public Uri AuthEndpoint { get; set; } = new("https://auth.platform.example/oauth/token");

    public string ClientId { get; set; } = "publisher-4471";

    public string ClientSecret { get; set; } = string.Empty;

    public string ServiceLabel { get; set; } = "0";
}

public sealed record StoreEntitlement(string EntitlementId, string ProductId, int UseCount, bool Active);

public sealed record ConsumeRequest(
    [property: JsonPropertyName("serviceLabel")] string ServiceLabel,
    [property: JsonPropertyName("useCount")] int UseCount,
    [property: JsonPropertyName("transactionId")] string TransactionId);

public sealed record PlatformError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("referenceId")] string? ReferenceId);

public sealed record PlatformErrorEnvelope([property: JsonPropertyName("error")] PlatformError Error);

/// <summary>The platform's error, with its code, message and reference as the store API wrote them.</summary>
public sealed class PlatformStoreException(PlatformError error, HttpStatusCode status) : Exception(error.Message)
{
    public int Code { get; } = error.Code;

    public string? ReferenceId { get; } = error.ReferenceId;

    public HttpStatusCode Status { get; } = status;
}

/// <summary>Server-to-server token of the publisher (client credentials), shared by every call to the store.</summary>
public sealed class PlatformTokenProvider(HttpClient http, IOptions<PlatformStoreOptions> options, ILogger<PlatformTokenProvider> logger)
{
    private (string Token, DateTimeOffset ExpiresAt)? _cached;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached && cached.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(1))
        {
            return cached.Token;
        }

        var credentials = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{options.Value.ClientId}:{options.Value.ClientSecret}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.AuthEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "commerce:entitlements" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();

        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var token = json.RootElement.GetProperty("access_token").GetString()!;
        var expiresIn = json.RootElement.GetProperty("expires_in").GetInt32();
        _cached = (token, DateTimeOffset.UtcNow.AddSeconds(expiresIn));
        logger.LogInformation("Store token for {ClientId} refreshed, expires in {ExpiresIn}s, scope {Scope}", options.Value.ClientId, expiresIn, json.RootElement.GetProperty("scope").GetString()); // clean direct
        return token;
    }
}

/// <summary>Typed client for the console platform's commerce API.</summary>
public sealed class PlatformStoreClient(HttpClient http, PlatformTokenProvider tokens, IOptions<PlatformStoreOptions> options, ILogger<PlatformStoreClient> logger)
{
    public async Task<IReadOnlyList<StoreEntitlement>> GetEntitlementsAsync(string platformAccountId, string userToken, CancellationToken cancellationToken)
    {
        using var request = await CreateAsync(HttpMethod.Get, $"v1/users/{platformAccountId}/entitlements?serviceLabel={options.Value.ServiceLabel}&entitlementType=consumable", userToken, cancellationToken);
        using var response = await http.SendAsync(request, cancellationToken);
        await ThrowIfErrorAsync(response, cancellationToken);
        var entitlements = await response.Content.ReadFromJsonAsync<List<StoreEntitlement>>(cancellationToken) ?? [];
        logger.LogDebug("Store returned {Count} entitlements for platform {Platform}", entitlements.Count, options.Value.Platform); // clean precision-about
        logger.LogDebug("Store entitlements {Entitlements}", entitlements); // clean logging-objects
        return entitlements;
    }

    public async Task ConsumeAsync(string platformAccountId, string userToken, string entitlementId, int useCount, CancellationToken cancellationToken)
    {
        var transactionId = Guid.NewGuid().ToString("N");
        using var request = await CreateAsync(HttpMethod.Post, $"v1/users/{platformAccountId}/entitlements/{entitlementId}/consume", userToken, cancellationToken);
        request.Content = JsonContent.Create(new ConsumeRequest(options.Value.ServiceLabel, useCount, transactionId));
        using var response = await http.SendAsync(request, cancellationToken);
        await ThrowIfErrorAsync(response, cancellationToken);
        logger.LogInformation("Consumed {UseCount} of {Entitlement} in transaction {TransactionId}", useCount, entitlementId, transactionId); // clean direct
    }

    private async Task<HttpRequestMessage> CreateAsync(HttpMethod method, string path, string userToken, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        request.Headers.Add("X-User-Token", userToken);
        request.Headers.Add("X-Request-Id", Guid.NewGuid().ToString());
        return request;
    }

    private static async Task ThrowIfErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var envelope = await response.Content.ReadFromJsonAsync<PlatformErrorEnvelope>(cancellationToken);
        throw new PlatformStoreException(envelope?.Error ?? new PlatformError(0, $"HTTP {(int)response.StatusCode}", null), response.StatusCode);
    }
}

/// <summary>
/// Request and response logging for the store client (the platform asks partners to keep a log of calls);
/// registered on <see cref="PlatformStoreClient"/> only, not on the token client.
/// </summary>
public sealed class StoreCallLoggingHandler(ILogger<StoreCallLoggingHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        logger.LogInformation("Store call {Method} {Uri}", request.Method, request.RequestUri); // leak TC1001 cross-member
        logger.LogDebug("Store call headers {Headers}", request.Headers); // leak TC1001 logging-objects
        logger.LogDebug("Store call header names {Names}", string.Join(",", HeaderNames(request.Headers))); // clean precision-names
        if (request.Content is not null)
        {
            logger.LogDebug("Store call body {Body}", await request.Content.ReadAsStringAsync(cancellationToken)); // clean logging-objects
        }

        var response = await base.SendAsync(request, cancellationToken);
        logger.LogInformation("Store answered {Status} with request id {RequestId}", (int)response.StatusCode, response.Headers.TryGetValues("X-Request-Id", out var ids) ? string.Join(",", ids) : null); // clean direct
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Store error {Body}", await response.Content.ReadAsStringAsync(cancellationToken)); // leak TC1001 exceptions
        }

        return response;
    }

    private static IEnumerable<string> HeaderNames(HttpRequestHeaders headers)
    {
        foreach (var header in headers)
        {
            yield return header.Key;
        }
    }
}
