using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyHoldout17.Support.Http;
using PrivacyHoldout17.Telemetry;

namespace PrivacyHoldout17.Retail;

/// <summary>A card payment at the web checkout; the card itself was tokenised in the browser by the gateway's hosted fields.</summary>
public sealed record CardPayment(string OrderNumber, long AmountMinor, string Currency, string CardToken, string CustomerNumber, string BillingEmail, string BillingName);

/// <summary>A phone order: the contact-centre agent keys the card number into the MOTO screen.</summary>
public sealed record MotoPayment(string OrderNumber, long AmountMinor, string Currency, string CardNumber, string ExpiryMonth, string ExpiryYear);

public sealed record AuthorisationResult(string PaymentId, string Status, string? ResponseCode, string? ResponseSummary, string? Scheme, string? Bin, string? Last4);

public sealed record StoredInstrument(string InstrumentId, string Scheme, string Last4, int ExpiryMonth, int ExpiryYear);

public static class GatewayRegistration
{
    public static IServiceCollection AddPaymentGateway(this IServiceCollection services, Uri baseAddress)
    {
        services.AddHttpClient<PaymentGatewayClient>(client => client.BaseAddress = baseAddress)
            .AddHttpMessageHandler<GatewayTimingHandler>();
        return services;
    }
}

/// <summary>Typed client of the card gateway's REST API (payments, refunds, stored instruments).</summary>
public sealed class PaymentGatewayClient(HttpClient http, ILogger<PaymentGatewayClient> logger)
{
    private static readonly ActivitySource Source = new("Shop.Payments.Gateway");

    public async Task<AuthorisationResult> AuthoriseAsync(CardPayment payment, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new
        {
            amount = payment.AmountMinor,
            currency = payment.Currency,
            reference = payment.OrderNumber,
            source = new { type = "token", token = payment.CardToken },
            customer = new { email = payment.BillingEmail, name = payment.BillingName },
        });
        logger.LogDebug("POST payments {Body}", body); // leak TC1001 strings

        using var span = Source.StartBillingCharge("gateway").SetBillingAmount(payment.AmountMinor).SetBillingCurrency(payment.Currency).SetBillingDocumentNumber(payment.OrderNumber); // clean generated-api
        span.Activity?.SetTag("gateway.card_token", payment.CardToken); // clean precision-names
        span.Activity?.SetTag(BillingAttributes.PayerContact, payment.BillingEmail); // leak TC1001 generated-api
        using var response = await http.PostAsync("payments", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        var result = (await response.Content.ReadFromJsonAsync<AuthorisationResult>(cancellationToken))!;

        if (result.Status != "Authorized")
        {
            // The gateway's response summaries are the scheme's fixed texts ("Insufficient Funds", "Do Not Honour").
            span.AddBillingChargeDeclinedEvent(result.ResponseCode ?? "unknown", result.ResponseSummary); // clean generated-api
            logger.LogWarning("Order {OrderNumber} declined for {BillingName}: {Summary}", payment.OrderNumber, payment.BillingName, result.ResponseSummary); // leak TC1001 direct
        }

        logger.LogInformation("Order {OrderNumber} {Status} with card token {CardToken}", payment.OrderNumber, result.Status, payment.CardToken); // clean precision-names
        return result;
    }

    public async Task<AuthorisationResult?> AuthoriseMotoAsync(MotoPayment moto, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        if (!Luhn.IsValid(moto.CardNumber))
        {
            logger.LogWarning("Luhn check failed for card {CardNumber} on order {OrderNumber}", moto.CardNumber, moto.OrderNumber); // leak TC1001 direct
            activity?.SetTag("moto.card_masked", Luhn.Mask(moto.CardNumber)); // clean precision-about
            return null;
        }

        activity?.SetTag("moto.card_bin", moto.CardNumber[..6]); // clean precision-about
        activity?.SetTag("moto.card", moto.CardNumber); // leak TC1001 direct
        using var response = await http.PostAsJsonAsync("payments", new { amount = moto.AmountMinor, currency = moto.Currency, reference = moto.OrderNumber, source = new { type = "card", number = moto.CardNumber, expiry_month = moto.ExpiryMonth, expiry_year = moto.ExpiryYear } }, cancellationToken);
        return await response.Content.ReadFromJsonAsync<AuthorisationResult>(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredInstrument>> StoredInstrumentsAsync(string customerNumber, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"customers/{Uri.EscapeDataString(customerNumber)}/instruments", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Gateway answered {Status} for {RequestUri}", (int)response.StatusCode, response.RequestMessage?.RequestUri); // leak TC1001 strings
            return Array.Empty<StoredInstrument>();
        }

        var instruments = (await response.Content.ReadFromJsonAsync<List<StoredInstrument>>(cancellationToken))!;
        logger.LogDebug("Stored instruments {@Instruments}", instruments); // clean logging-objects
        return instruments;
    }
}

/// <summary>Times every call to the gateway; the host is the gateway's, the same for every call.</summary>
public sealed class GatewayTimingHandler(ILogger<GatewayTimingHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        logger.LogInformation("{Method} {Host} answered {Status} in {Elapsed} ms", request.Method, request.RequestUri?.Host, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds); // clean precision-about
        return response;
    }
}

public static class Luhn
{
    public static bool IsValid(string number)
    {
        var sum = 0;
        var alternate = false;
        for (var i = number.Length - 1; i >= 0; i--)
        {
            var digit = number[i] - '0';
            if (alternate)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            alternate = !alternate;
        }

        return sum % 10 == 0;
    }

    /// <summary>The first six and last four digits, as PCI DSS allows them to be shown: 424242******4242.</summary>
    public static string Mask(string number) =>
        number.Length < 13 ? new string('*', number.Length) : $"{number[..6]}{new string('*', number.Length - 10)}{number[^4..]}";
}
