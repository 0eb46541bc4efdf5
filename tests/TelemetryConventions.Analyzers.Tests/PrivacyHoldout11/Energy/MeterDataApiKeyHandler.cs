using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using PrivacyHoldout11.Support;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Energy;

public sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    public string HeaderName { get; set; } = "X-Api-Key";
}

/// <summary>
/// A key of the meter data API. Household keys are issued to one customer for their own home energy
/// app; partner keys belong to an energy supplier or a comparison site (an organisation).
/// </summary>
public sealed record ApiKeyRecord(string KeyId, string OwnerKind, string? CustomerAccountNumber, string? PartnerName, string[] Scopes, DateTimeOffset? RevokedAt);

public interface IApiKeyStore
{
    Task<ApiKeyRecord?> FindByLookupAsync(string lookup, CancellationToken cancellationToken = default);
}

public sealed class ApiKeyAuthenticationHandler(
    IApiKeyStore store,
    IdentitySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILoggerFactory loggerFactory)
    : AuthenticationHandler<ApiKeyOptions>(loggerFactory)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Options.HeaderName, out var presented) || string.IsNullOrWhiteSpace(presented))
        {
            return AuthenticateResult.NoResult();
        }

        var span = Activity.Current.EnrichIdentitySignIn(IdentityMethod.ApiKey);
        var lookup = Convert.ToBase64String(HMACSHA256.HashData(secrets.LookupKey, Encoding.UTF8.GetBytes(presented)));
        var record = await store.FindByLookupAsync(lookup, Context.RequestAborted);

        if (record is null)
        {
            Logger.LogWarning("Unknown API key presented from {Address}", Context.Connection.RemoteIpAddress); // leak TC1001 direct
            span.SetIdentityOutcome(IdentityOutcome.Failed).SetIdentityFailureReason("unknown key");
            return AuthenticateResult.Fail("Invalid API key");
        }

        if (record.RevokedAt is not null)
        {
            Logger.LogWarning("Revoked key {KeyId} presented ({Suffix})", record.KeyId, presented[^4..]); // clean precision-about
            span.SetIdentityOutcome(IdentityOutcome.NotAllowed).SetIdentityFailureReason($"revoked {record.RevokedAt:yyyy-MM-dd}"); // clean generated-api
            return AuthenticateResult.Fail("Revoked API key");
        }

        var claims = new List<Claim> { new("key_id", record.KeyId), new("owner_kind", record.OwnerKind) };
        claims.AddRange(Array.ConvertAll(record.Scopes, s => new Claim("scope", s)));
        if (record.CustomerAccountNumber is { } accountNumber)
        {
            claims.Add(new Claim(ClaimTypes.NameIdentifier, accountNumber));
            span.SetIdentityAccountId(pseudonymizer.PseudonymizeIdentityAccountId(accountNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag("meterdata.customer.lookup", lookup); // clean hashes
            var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(presented)))[..12];
            Logger.LogDebug("Household key {Fingerprint} accepted", fingerprint); // leak TC1002 hashes
        }
        else
        {
            span.SetIdentityClientId(record.PartnerName ?? record.KeyId); // clean precision-names
        }

        Activity.Current?.SetTag("meterdata.key.id", record.KeyId); // clean precision-names
        Activity.Current?.SetTag("meterdata.key.owner_kind", record.OwnerKind); // clean precision-names
        Activity.Current?.SetTag("meterdata.key.scopes", record.Scopes.Length);
        span.SetIdentityOutcome(IdentityOutcome.Success);

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, null, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers["WWW-Authenticate"] = $"ApiKey header=\"{Options.HeaderName}\"";
        Logger.LogInformation("Challenged {Method} {Path} without a valid key, presented {Header}", Request.Method, Request.Path, Request.Headers.GetValueOrDefault(Options.HeaderName)); // leak TC1001 cross-member
        return Task.CompletedTask;
    }
}
