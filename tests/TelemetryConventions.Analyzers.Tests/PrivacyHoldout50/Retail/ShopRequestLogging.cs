using System;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Serilog;

namespace PrivacyHoldout50.Retail;

/// <summary>
/// <c>EnrichDiagnosticContext</c> of the shop API's Serilog request logging. The API serves
/// <c>/customers/{customerId}/orders</c>, <c>/orders/{orderId}</c>, <c>/baskets/{basketId}/checkout</c>,
/// <c>/loyalty/{cardNumber}/balance</c>, <c>/stores/{storeId}/stock/{sku}</c> and the customer service
/// search <c>/orders/search?email=…&amp;postcode=…</c>.
/// </summary>
public static class ShopRequestLogging
{
    public static void EnrichFromRequest(IDiagnosticContext diagnosticContext, HttpContext httpContext)
    {
        var request = httpContext.Request;
        diagnosticContext.Set("RequestHost", request.Host.Value); // clean precision-names
        diagnosticContext.Set("UserAgent", request.Headers.UserAgent.ToString()); // clean precision-names
        diagnosticContext.Set("StoreId", request.RouteValues.TryGetValue("storeId", out var storeId) ? storeId : null); // clean precision-names
        diagnosticContext.Set("CustomerId", httpContext.User.FindFirst("customer_id")?.Value); // leak TC1001 direct
        diagnosticContext.Set("CustomerTier", httpContext.User.FindFirst("tier")?.Value); // clean precision-names
        if (httpContext.User.FindFirst("customer_id")?.Value is { } customerId)
        {
            diagnosticContext.Set("CheckoutExperimentCohort", HashCode.Combine(customerId) & 7); // leak TC1002 hashes
        }

        diagnosticContext.Set("QueryString", request.QueryString.Value); // leak TC1001 strings
        diagnosticContext.Set("QueryKeys", string.Join(",", request.Query.Keys)); // clean precision-names
        diagnosticContext.Set("RouteValues", request.RouteValues, destructureObjects: true); // leak TC1001 logging-objects
        diagnosticContext.Set("ContentLength", request.ContentLength); // clean precision-about

        var address = httpContext.Connection.RemoteIpAddress;
        diagnosticContext.Set("ClientIp", address?.ToString()); // leak TC1001 direct
        diagnosticContext.Set("ClientNetwork", address is { AddressFamily: AddressFamily.InterNetwork } ? NetworkOf(address) : "other"); // clean precision-about
    }

    /// <summary>The /16 network of an IPv4 address, e.g. <c>81.2.0.0/16</c>.</summary>
    private static string NetworkOf(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return $"{bytes[0]}.{bytes[1]}.0.0/16";
    }
}
