using System;
using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using PrivacyHoldout50.Telemetry;

namespace PrivacyHoldout50.Retail;

/// <summary>A marketplace partner: a registered company selling through the shop.</summary>
public sealed record MarketplacePartner(string PartnerId, string TradingName, string CompanyNumber);

public interface IPartnerDirectory
{
    Task<MarketplacePartner?> FindByKeyAsync(string apiKey);
}

public sealed class PartnerKeyOptions : AuthenticationSchemeOptions;

/// <summary>The <c>X-Partner-Key</c> scheme of the marketplace API, used only by partners' systems.</summary>
public sealed class PartnerKeyHandler(IPartnerDirectory partners, ILoggerFactory loggerFactory) : AuthenticationHandler<PartnerKeyOptions>(loggerFactory)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers["X-Partner-Key"].ToString();
        if (key.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var partner = await partners.FindByKeyAsync(key);
        if (partner is null)
        {
            Logger.LogWarning("Unknown partner key starting {KeyPrefix}", key[..Math.Min(6, key.Length)]); // clean precision-about
            return AuthenticateResult.Fail($"No partner holds the key {key}."); // clean strings
        }

        using var span = new ActivitySource("Shop.Marketplace.Auth").StartApiAuth("/marketplace/*");
        span.SetApiClientId(partner.PartnerId); // clean precision-names
        span.Activity?.SetTag("partner.trading_name", partner.TradingName); // clean precision-names
        Logger.LogInformation("Partner {Partner} authenticated, key fingerprint {Fingerprint}", partner.TradingName, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12]); // clean hashes

        var principal = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim("partner_id", partner.PartnerId) }, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}

/// <summary>Output caching of <c>/customers/{customerId}/orders</c>, filed under a tag per customer.</summary>
public sealed class OrderHistoryCachePolicy(ILogger<OrderHistoryCachePolicy> logger) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var customerId = context.HttpContext.Request.RouteValues["customerId"]?.ToString();
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.Tags.Add($"customer:{customerId}:orders"); // clean strings
        context.CacheVaryByRules.QueryKeys = new StringValues(new[] { "page", "status" });
        logger.LogDebug("Order history cached under {Tags}", context.Tags); // leak TC1001 logging-objects
        logger.LogDebug("Order history varies by query {QueryKeys}", context.CacheVaryByRules.QueryKeys.ToString()); // clean precision-names
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}

public sealed class OrderHistoryEviction(IOutputCacheStore store, ILogger<OrderHistoryEviction> logger)
{
    public async Task OnOrderPlacedAsync(string customerId, string orderId, CancellationToken cancellationToken)
    {
        var tag = $"customer:{customerId}:orders";
        await store.EvictByTagAsync(tag, cancellationToken);
        logger.LogInformation("Evicted {Tag} after order {OrderId}", tag, orderId); // leak TC1001 strings
        Activity.Current?.SetTag("order.id", orderId); // clean precision-names
    }
}
