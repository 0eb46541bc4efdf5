using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout11.Support;
using PrivacyHoldout11.Telemetry;

namespace PrivacyHoldout11.Retail;

/// <summary>
/// Resolves the shop brand (the tenant) from the host name, or from the client of a marketplace
/// integration calling with client credentials, and stamps it on the request's telemetry.
/// </summary>
public sealed partial class TenantResolutionMiddleware(
    ITenantStore tenants,
    TenantContext current,
    IMeterFactory meters,
    ILogger<TenantResolutionMiddleware> logger) : IMiddleware
{
    private readonly Counter<long> _unresolved = meters.Create("Shop.Tenancy").CreateCounter<long>("tenancy.unresolved");

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host.Host;
        var clientId = context.User.FindFirstValue("client_id");
        var tenant = clientId is not null
            ? await tenants.FindByIdAsync(context.User.FindFirstValue("tenant_id") ?? string.Empty, context.RequestAborted)
            : await tenants.FindByHostAsync(host, context.RequestAborted);

        if (tenant is null)
        {
            _unresolved.Add(1, new KeyValuePair<string, object?>("host", host), new("client_id", clientId)); // clean precision-about
            LogUnresolved(logger, host, context.Request.Path.Value, context.Request.Headers.UserAgent); // clean precision-names
            LogUnresolvedCaller(logger, context.User.FindFirstValue(ClaimTypes.Email)); // leak TC1001 direct
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        current.Current = tenant;
        Activity.Current?.SetTag("tenant.id", tenant.Id); // clean precision-about
        Activity.Current?.SetTag("tenant.name", tenant.Name); // clean precision-names
        Activity.Current?.SetTag("tenant.plan", tenant.Plan);
        Activity.Current?.SetTag("tenant.route", $"{tenant.Region}/{tenant.Id}"); // clean strings
        Activity.Current.EnrichIdentitySignIn(clientId is null ? IdentityMethod.Password : IdentityMethod.ClientCredentials).SetIdentityTenant(tenant.Id).SetIdentityClientId(clientId ?? "storefront"); // clean generated-api
        Baggage.SetBaggage("tenant", tenant.Id); // clean precision-about
        Baggage.SetBaggage("caller", context.User.FindFirstValue("sub") ?? clientId); // leak TC1001 direct

        using (logger.BeginScope(new Dictionary<string, object?> { ["Tenant"] = tenant.Id, ["Region"] = tenant.Region, ["ClientId"] = clientId })) // clean logging-objects
        {
            await next(context);
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "No shop for host {Host} ({Path}, {UserAgent})")]
    private static partial void LogUnresolved(ILogger logger, string host, string? path, string userAgent);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Debug, Message = "Unresolved request came from {CallerEmail}")]
    private static partial void LogUnresolvedCaller(ILogger logger, string? callerEmail);
}

public static class StatusCodes
{
    public const int Status404NotFound = 404;
}
