using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Dapr.Client;
using PrivacyCorpus.Shared;
using PrivacyHoldout20.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout20.Retail;

public sealed record CartLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record Cart(List<CartLine> Lines, string Currency);

public interface ICustomerDirectory
{
    Task<string> TierOfAsync(string customerId);
}

/// <summary>API Gateway proxy handler for <c>/customers/{customerId}/cart</c>; carts live in a Dapr state store.</summary>
public sealed class CustomerApiFunction(DaprClient dapr, ICustomerDirectory directory, TelemetrySecrets secrets, Pseudonymizer pseudonymizer)
{
    public async Task<APIGatewayProxyResponse> AddToCart(APIGatewayProxyRequest request, ILambdaContext context)
    {
        var activity = Activity.Current;
        var customerId = request.PathParameters!["customerId"];
        var caller = request.RequestContext.Authorizer.Claims["sub"];

        context.Logger.LogInformation("POST {Path} from {Ip}", request.Path, request.RequestContext.Identity.SourceIp); // leak TC1001 strings
        activity?.SetTag("http.route", request.Resource); // clean precision-names
        activity?.SetTag("aws.request_id", request.RequestContext.RequestId);
        activity?.SetTag("user_agent.original", request.Headers["User-Agent"]); // clean precision-names
        activity?.SetTag("enduser.id", caller); // leak TC1001 direct

        if (!string.Equals(caller, customerId, StringComparison.Ordinal))
        {
            context.Logger.LogWarning($"Caller {caller} asked for another customer's cart"); // leak TC1001 strings
            return new APIGatewayProxyResponse { StatusCode = 403 };
        }

        var tier = await directory.TierOfAsync(customerId);
        activity?.SetTag("shop.customer.tier", tier); // clean precision-names
        activity?.SetTag("shop.cohort", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(customerId))[0] % 8); // clean hashes
        activity?.SetTag("shop.customer.key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(customerId)))[..16]); // leak TC1002 hashes
        activity?.SetBaggage("shop.customer", pseudonymizer.ComputeServerlessSubjectId(customerId)); // clean precision-pseudonym

        var line = JsonSerializer.Deserialize<CartLine>(request.Body ?? "{}")!;
        var key = $"cart-{customerId}";
        var (cart, etag) = await dapr.GetStateAndETagAsync<Cart?>("carts", key);
        cart ??= new Cart([], "GBP");
        cart.Lines.Add(line);
        if (!await dapr.TrySaveStateAsync("carts", key, cart, etag))
        {
            context.Logger.LogWarning($"ETag conflict saving {key}"); // leak TC1001 strings
            context.Logger.LogWarning($"ETag conflict, stored etag {etag}"); // clean precision-names
            return new APIGatewayProxyResponse { StatusCode = 409 };
        }

        activity?.SetTag("shop.cart.lines", cart.Lines.Count); // clean precision-about
        activity?.SetTag("shop.cart.value", cart.Lines.Sum(l => l.Quantity * l.UnitPrice));
        return new APIGatewayProxyResponse { StatusCode = 200, Body = JsonSerializer.Serialize(cart) };
    }
}
