using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace PrivacyHoldout50.Energy;

public enum ApiKeyKind
{
    /// <summary>Issued to one household from the app, for its home-automation integrations.</summary>
    Household,

    /// <summary>Issued to an energy-services partner company (a heat-pump installer's platform).</summary>
    Partner,
}

public sealed record ApiKeyRecord(string KeyId, ApiKeyKind Kind, string? AccountNumber, string? PartnerName, DateTimeOffset? RevokedAt);

public interface IApiKeyStore
{
    /// <summary>Keys are stored as the SHA-256 of the key; the store is looked up by it.</summary>
    Task<ApiKeyRecord?> FindByHashAsync(string keyHash);
}

public sealed class HomeApiKeyOptions : AuthenticationSchemeOptions;

/// <summary>The <c>X-Api-Key</c> scheme of the home energy API (<c>/accounts/{accountNumber}/usage</c> and friends).</summary>
public sealed class HomeApiKeyHandler(IApiKeyStore keys, ILoggerFactory loggerFactory) : AuthenticationHandler<HomeApiKeyOptions>(loggerFactory)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue("X-Api-Key", out var presented) || StringValues.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        var key = presented.ToString();
        var keyHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var record = await keys.FindByHashAsync(keyHash);
        if (record is null)
        {
            Logger.LogWarning("Unknown API key {KeyHash}", keyHash); // leak TC1002 hashes
            Logger.LogWarning("Unknown API key ending {KeySuffix} ({Length} characters)", key[^4..], key.Length); // clean precision-about
            return AuthenticateResult.Fail("Unknown API key."); // clean strings
        }

        if (record.RevokedAt is { } revokedAt)
        {
            return AuthenticateResult.Fail($"API key {record.KeyId} of account {record.AccountNumber} was revoked on {revokedAt:d}."); // leak TC1001 strings
        }

        Activity.Current?.SetTag("apikey.id", record.KeyId); // clean precision-names
        Activity.Current?.SetTag("apikey.kind", record.Kind.ToString()); // clean precision-about
        if (record.Kind == ApiKeyKind.Partner)
        {
            Logger.LogDebug("Partner {Partner} called with key {ApiKey}", record.PartnerName, key); // clean precision-names
        }
        else
        {
            Logger.LogDebug("Household key {KeyId} used for account {AccountNumber}", record.KeyId, record.AccountNumber); // leak TC1001 direct
        }

        var claims = new List<Claim> { new("key_id", record.KeyId) };
        if (record.AccountNumber is not null)
        {
            claims.Add(new Claim("account_number", record.AccountNumber));
        }

        if (record.PartnerName is not null)
        {
            claims.Add(new Claim("partner_id", record.PartnerName));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}

public sealed record HalfHourlyUsage(DateTimeOffset Start, decimal Kwh);

public interface IUsageStore
{
    Task<string?> MpanOfAsync(string accountNumber);

    Task<IReadOnlyList<HalfHourlyUsage>?> HalfHourlyAsync(string mpan, DateOnly day);
}

public sealed class UsageNotAvailableException(string mpan, DateOnly day)
    : Exception($"No half-hourly data for MPAN {mpan} on {day:yyyy-MM-dd}.");

/// <summary>The home energy API's usage endpoint. The API registers no exception handler: the host logs what escapes.</summary>
public static class UsageEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/accounts/{accountNumber}/usage", async (string accountNumber, DateOnly day, ClaimsPrincipal user, IUsageStore usage) =>
        {
            if (user.FindFirst("account_number")?.Value != accountNumber && user.FindFirst("partner_id") is null)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var mpan = await usage.MpanOfAsync(accountNumber);
            if (mpan is null)
            {
                return Results.NotFound();
            }

            var readings = await usage.HalfHourlyAsync(mpan, day) ?? throw new UsageNotAvailableException(mpan, day); // leak TC1001 exceptions
            Activity.Current?.SetTag("usage.readings", readings.Count); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("usage.served", tags: new ActivityTagsCollection { ["usage.day"] = day.ToString("yyyy-MM-dd"), ["usage.total_kwh"] = readings.Sum(r => r.Kwh) })); // clean precision-about
            return Results.Ok(readings);
        }).RequireRateLimiting(UsageRateLimiting.PerAccount);
}
