namespace PrivacyHoldout104.Retail;

/// <summary>
/// ShopKit resolves the merchant from the storefront host (<c>{shop}.shopkit.store</c>) and, on the admin
/// API, from the <c>X-ShopKit-Shop-Domain</c> header apps send; a shop's plan sets its API limits.
/// </summary>
public sealed class StorefrontTenantResolver(
    IMultiTenantStore<TenantInfo> shops,
    ITenantSettingsStore settings,
    IPartitionedRateLimiter limiter,
    Pseudonymizer pseudonymizer,
    ILogger<StorefrontTenantResolver> logger)
{
    private static readonly ActivitySource Source = new("ShopKit.Storefront");
    private static readonly Meter Meter = new("ShopKit.Storefront");
    private static readonly ShopkitResolutionDurationHistogram Resolution = Meter.CreateShopkitResolutionDurationHistogram();
    private static readonly Counter<long> ApiCalls = Meter.CreateCounter<long>("shopkit.admin_api.calls");

    public async Task<TenantInfo?> ResolveAsync(TenantRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var isAdminApi = request.Path.StartsWith("/admin/api/", StringComparison.Ordinal);
        IMultiTenantStrategy strategy = isAdminApi ? new HeaderStrategy("X-ShopKit-Shop-Domain") : new HostStrategy("__tenant__.shopkit.store");
        var shopDomain = await strategy.GetIdentifierAsync(request);
        var shop = shopDomain is null ? null : await shops.TryGetByIdentifierAsync(shopDomain);
        Resolution.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, strategy.Name, shop is null ? "unknown_tenant" : "resolved"); // clean generated-api
        if (shop is null)
        {
            return null;
        }

        using var span = Source.StartShopkitTenantRequest(shop.Id, strategy.Name);
        span.SetShopkitTenantPlan(shop.Plan); // clean generated-api
        span.Activity?.SetTag("shopkit.shop.domain", shopDomain); // clean precision-names

        if (isAdminApi)
        {
            var limits = await settings.GetLimitsAsync(shop.Id);
            var lease = limiter.AttemptAcquire($"admin:{shop.Id}", 1);
            ApiCalls.Add(1, new KeyValuePair<string, object?>("shopkit.tenant.plan", shop.Plan), new KeyValuePair<string, object?>("throttled", !lease.IsAcquired)); // clean precision-names
            if (!lease.IsAcquired)
            {
                var quota = new TenantQuotaExceededException(shop.Id, "admin_api", limits.RequestsPerMinute, limits.RequestsPerMinute + 1);
                logger.LogWarning(quota, "Admin API throttled for shop {ShopDomain}", shopDomain); // clean exceptions
                return null;
            }

            var staffEmail = request.User.FindFirst(ClaimTypes.Email)?.Value;
            span.Activity?.SetTag("shopkit.staff.email", staffEmail); // leak TC1001 direct
            span.Activity?.SetTag("shopkit.app.client_id", request.User.FindFirst("azp")?.Value); // clean precision-names
            logger.LogDebug("Admin API {Path} called by staff account {StaffId}", request.Path, request.User.FindFirst("sub")?.Value); // leak TC1001 direct
        }
        else
        {
            var customerNumber = request.User.FindFirst("customer_number")?.Value;
            if (customerNumber is not null)
            {
                span.SetShopkitUserId(pseudonymizer.PseudonymizeShopkitUserId(customerNumber)); // clean precision-pseudonym
                logger.LogDebug("Storefront visit by customer {CustomerNumber} on {Shop}", customerNumber, shop.Name); // leak TC1001 direct
                span.Activity?.SetTag("shopkit.customer.signed_in", true); // clean precision-about
            }

            var sessionCookie = request.Headers.TryGetValue("Cookie", out var cookie) ? cookie : string.Empty;
            span.Activity?.SetTag("http.request.header.cookie", sessionCookie); // leak TC1001 direct
            span.Activity?.SetTag("shopkit.request.referer_host", request.Headers.TryGetValue("Referer", out var referer) ? new Uri(referer).Host : null); // clean precision-about
        }

        return shop;
    }
}
