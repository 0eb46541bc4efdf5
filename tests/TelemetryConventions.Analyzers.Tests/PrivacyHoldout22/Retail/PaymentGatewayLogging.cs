using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout22.Retail;

public sealed record CardPayment(string MerchantReference, long AmountMinor, string Currency, string CardNumber, string ExpiryMonth, string Cvc, string BillingEmail, string CustomerNumber);

/// <summary>The acquirer's payment API client. The body carries the card and the billing email.</summary>
public sealed class PaymentGatewayClient(HttpClient http)
{
    public Task<HttpResponseMessage> AuthoriseAsync(CardPayment payment, Guid idempotencyKey, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v3/payments") { Content = JsonContent.Create(payment) };
        request.Headers.Add("Idempotency-Key", idempotencyKey.ToString());
        request.Headers.Add("X-Customer-Number", payment.CustomerNumber);
        return http.SendAsync(request, ct);
    }
}

/// <summary>Body logging for the acquirer's API, with the redaction the payments team wrote for it.</summary>
public sealed class PaymentGatewayLoggingHandler(ILogger<PaymentGatewayLoggingHandler> logger) : DelegatingHandler
{
    private static readonly HashSet<string> SensitiveFields = new(StringComparer.OrdinalIgnoreCase) { "cardNumber", "cvc", "expiryMonth" };
    private static readonly string[] AllowedFields = ["merchantReference", "amountMinor", "currency"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        logger.LogTrace("Acquirer request body {Body}", body); // leak TC1001 strings
        logger.LogDebug("Acquirer request body {Body}", MaskSensitive(body)); // leak TC1001 cross-member
        logger.LogInformation("Acquirer request {Body}", KeepAllowed(body)); // clean precision-names
        logger.LogDebug("Acquirer request of {Length} bytes", body.Length); // clean precision-about

        var idempotencyKey = request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.First() : null;
        var customerNumber = request.Headers.TryGetValues("X-Customer-Number", out var numbers) ? numbers.First() : null;
        var activity = Activity.Current;
        activity?.SetTag("payment.idempotency_key", idempotencyKey); // clean precision-names
        activity?.SetTag("payment.customer", customerNumber); // leak TC1001 direct
        activity?.SetTag("payment.customer_hash", customerNumber is null ? null : Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(customerNumber)))); // leak TC1002 hashes

        var response = await base.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        logger.LogInformation("Acquirer answered {Status}: {Answer}", (int)response.StatusCode, KeepAllowed(answer)); // clean precision-names
        return response;
    }

    /// <summary>Blanks the card fields; every other field is left as it is.</summary>
    private static string MaskSensitive(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject node)
        {
            return "(not json)";
        }

        foreach (var name in node.Select(p => p.Key).Where(SensitiveFields.Contains).ToList())
        {
            node[name] = "***";
        }

        return node.ToJsonString();
    }

    /// <summary>Keeps only the fields on the allow list.</summary>
    private static string KeepAllowed(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject node)
        {
            return "(not json)";
        }

        var kept = new JsonObject();
        foreach (var name in AllowedFields)
        {
            if (node[name] is { } value)
            {
                kept[name] = value.DeepClone();
            }
        }

        return kept.ToJsonString();
    }
}
