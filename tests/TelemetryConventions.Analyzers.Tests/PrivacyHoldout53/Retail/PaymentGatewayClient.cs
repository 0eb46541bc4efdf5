using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using PrivacyHoldout53.Telemetry;
using Polly;
using TelemetryConventions;

namespace PrivacyHoldout53.Retail;

public sealed record Amount(string Currency, long MinorUnits);

public sealed record AuthorisationRequest(
    [property: JsonPropertyName("merchantReference")] string MerchantReference,
    [property: JsonPropertyName("amount")] Amount Amount,
    [property: JsonPropertyName("paymentMethodToken")] string PaymentMethodToken,
    [property: JsonPropertyName("shopperReference")] string ShopperReference,
    [property: JsonPropertyName("shopperEmail")] string ShopperEmail);

public sealed record AuthorisationResult(
    [property: JsonPropertyName("pspReference")] string PspReference,
    [property: JsonPropertyName("resultCode")] string ResultCode,
    [property: JsonPropertyName("refusalReason")] string? RefusalReason,
    [property: JsonPropertyName("cardSummary")] string? CardSummary);

public sealed record GatewayError(
    [property: JsonPropertyName("errorCode")] string ErrorCode,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("errorType")] string ErrorType);

public sealed record StoredMethod(string Id, string Brand, string LastFour, string Expiry);

/// <summary>Typed client for the payment gateway: authorisations and a shopper's stored cards.</summary>
public sealed class PaymentGatewayClient(HttpClient http, ILogger<PaymentGatewayClient> logger, Pseudonymizer pseudonymizer)
{
    public async Task<AuthorisationResult?> AuthoriseAsync(AuthorisationRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "v71/payments") { Content = JsonContent.Create(request) };
        message.Headers.Add("Idempotency-Key", $"{request.ShopperReference}:{request.MerchantReference}");
        Activity.Current?.EnrichPartnerCall("payment-gateway", "authorise")
            .SetPartnerRequestId(request.MerchantReference) // clean direct
            .SetPartnerSubjectId(pseudonymizer.PseudonymizePartnerSubjectId(request.ShopperReference)); // clean precision-pseudonym

        var shopperInteraction = "Ecommerce";
        Activity.Current?.SetTag("payment.shopper_interaction", shopperInteraction); // clean precision-names
        Activity.Current?.SetTag("payment.routing_cohort", HashCode.Combine(request.ShopperReference) & 3); // leak TC1002 hashes

        using var response = await http.SendAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The gateway's errors are codes with fixed texts ("Invalid payment method token", "Amount too low").
            var error = await response.Content.ReadFromJsonAsync<GatewayError>(cancellationToken);
            logger.LogWarning("Gateway error {ErrorCode} {ErrorType}: {Message}", error?.ErrorCode, error?.ErrorType, error?.Message); // clean exceptions
            return null;
        }

        var result = await response.Content.ReadFromJsonAsync<AuthorisationResult>(cancellationToken);
        logger.LogInformation("Authorisation {PspReference} {ResultCode} {RefusalReason} card {CardSummary}", result?.PspReference, result?.ResultCode, result?.RefusalReason, result?.CardSummary); // clean precision-about
        logger.LogDebug("Authorisation request {@Request}", request); // leak TC1001 logging-objects
        logger.LogDebug("Authorisation for {Merchant} paid with token {Token}", request.MerchantReference, request.PaymentMethodToken); // clean direct
        return result;
    }

    public async Task<IReadOnlyList<StoredMethod>> GetStoredMethodsAsync(string customerNumber, CancellationToken cancellationToken)
    {
        var methods = await http.GetFromJsonAsync<List<StoredMethod>>($"v71/shoppers/{customerNumber}/stored-methods", cancellationToken) ?? [];
        logger.LogDebug("Shopper has {Count} stored methods: {Methods}", methods.Count, methods); // clean logging-objects
        return methods;
    }
}

public static class PaymentGatewayRegistration
{
    public static IServiceCollection AddPaymentGateway(this IServiceCollection services, TracerProviderBuilder tracing, ILogger logger)
    {
        services.AddHttpClient<PaymentGatewayClient>(c => c.BaseAddress = new Uri("https://checkout.gateway.example/"))
            .AddResilienceHandler("payments", pipeline =>
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    OnRetry = args =>
                    {
                        var request = args.Context.GetRequestMessage();
                        var key = request?.Headers.TryGetValues("Idempotency-Key", out var keys) == true ? keys.First() : null;
                        logger.LogWarning("Retrying payment call with idempotency key {Key}, attempt {Attempt}", key, args.AttemptNumber); // leak TC1001 cross-member
                        logger.LogWarning("Retrying {Method} {Path} after {Status}", request?.Method, request?.RequestUri?.AbsolutePath, (int?)args.Outcome.Result?.StatusCode); // leak TC1001 cross-member
                        return default;
                    },
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(20));
            });

        tracing.AddHttpClientInstrumentation(o =>
        {
            o.EnrichWithHttpResponseMessage = (activity, response) =>
            {
                if (response.Headers.TryGetValues("Psp-Reference", out var psp))
                {
                    activity.SetTag("payment.psp_reference", psp.First()); // clean direct
                }
            };
            o.EnrichWithHttpRequestMessage = (activity, request) =>
            {
                activity.SetTag("payment.idempotency_key_present", request.Headers.Contains("Idempotency-Key")); // clean precision-names
                activity.SetTag("payment.request.body", request.Content?.ReadAsStringAsync().GetAwaiter().GetResult()); // leak TC1001 cross-member
            };
        });
        return services;
    }
}
