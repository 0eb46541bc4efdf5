using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout65.Retail;

public sealed class PaymentRejectedException(string message) : Exception(message);

public interface IPaymentGateway
{
    Task<string> AuthoriseAsync(PlacedOrder order, CancellationToken ct);
}

/// <summary>Places orders: prices the basket, applies loyalty, takes payment, confirms.</summary>
public sealed partial class CheckoutService
{
    private readonly ILogger<CheckoutService> _logger;
    private readonly IPaymentGateway _payments;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ActivitySource _source;
    private readonly BasketOrdersCounter _orders;
    private readonly Counter<long> _loyaltyUses;

    public CheckoutService(ILogger<CheckoutService> logger, IPaymentGateway payments, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter)
    {
        _logger = logger;
        _payments = payments;
        _pseudonymizer = pseudonymizer;
        _source = source;
        _orders = meter.CreateBasketOrdersCounter();
        _loyaltyUses = meter.CreateCounter<long>("basket.loyalty.uses", "{use}");
    }

    [LoggerMessage(6120, LogLevel.Information, "Checkout started for basket {BasketId} at {Store}")]
    private partial void CheckoutStarted(string basketId, string store);

    [LoggerMessage(6121, LogLevel.Information, "Checkout for customer {CustomerNumber}")]
    private partial void CheckoutCustomer(string customerNumber);

    [LoggerMessage(6122, LogLevel.Information, "Voucher {VoucherCode} applied")]
    private partial void VoucherApplied(string voucherCode, string customerRef);

    public async Task PlaceAsync(BasketSnapshot basket, PlacedOrder order, CancellationToken ct)
    {
        using var span = _source.StartBasketProcess(order.Store)
            .SetBasketCustomerId(_pseudonymizer.PseudonymizeBasketCustomerId(order.CustomerNumber)); // clean precision-pseudonym
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["order.id"] = order.OrderId, ["store"] = order.Store, ["lines"] = order.Lines.Count }); // clean direct
        using var customerScope = _logger.BeginScope(new Dictionary<string, object> { ["order.id"] = order.OrderId, ["customer"] = order.CustomerNumber }); // leak TC1001 direct

        CheckoutStarted(basket.BasketId, basket.Store); // clean direct
        CheckoutCustomer(order.CustomerNumber); // leak TC1001 direct
        _logger.BasketPriced(basket); // clean logging-objects
        _logger.OrderLines(order.OrderId, order.Lines); // clean logging-objects
        if (basket.VoucherCode is { } voucher)
        {
            VoucherApplied(voucher, _pseudonymizer.ComputeBasketCustomerId(order.CustomerNumber)); // clean precision-pseudonym
        }

        if (order.LoyaltyCardNumber is { } card)
        {
            _logger.LoyaltyApplied(card, order.OrderId); // leak TC1001 direct
            _logger.LoyaltyApplied("****" + card[^4..], order.OrderId); // clean precision-about
            span.SetBasketLoyaltyId(_pseudonymizer.PseudonymizeBasketLoyaltyId(card)); // clean precision-pseudonym
            span.Activity?.SetTag("basket.loyalty.token", Convert.ToBase64String(Encoding.UTF8.GetBytes(card))); // leak TC1001 hashes
            span.Activity?.SetTag("basket.loyalty.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(card)))); // leak TC1002 hashes
            _loyaltyUses.Add(1, new TagList { { "basket.store", order.Store }, { "basket.loyalty", _pseudonymizer.ComputeBasketLoyaltyId(card) } }); // leak TC1003 precision-pseudonym
        }

        try
        {
            var authorisation = await _payments.AuthoriseAsync(order, ct);
            _logger.OrderPlaced(order); // leak TC1001 logging-objects
            _logger.ConfirmationSent(order.OrderId, order.Email); // clean direct
            span.SetBasketOutcome("placed").SetBasketPayment(BasketPayment.Card); // clean generated-api
            _orders.Add(1, order.Store, BasketPayment.Card, basketOutcome: "placed"); // clean generated-api
        }
        catch (PaymentRejectedException ex)
        {
            _logger.PaymentFailed(ex, order.OrderId); // leak TC1001 exceptions
            span.SetBasketOutcome("failed:payment").SetBasketNote($"payment refused for {order.Email}"); // leak TC1001 generated-api
            _logger.LogBasketFailedEvent(order.Store, "failed:payment", basketCustomerId: _pseudonymizer.PseudonymizeBasketCustomerId(order.CustomerNumber), basketNote: $"{order.Lines.Count} lines, total {order.Total}"); // clean generated-api
            _orders.Add(1, order.Store, basketOutcome: $"failed:{order.DeliveryPostcode}"); // leak TC1003 generated-api
        }
    }
}

/// <summary>The payment gateway's client: a refusal names the customer the gateway holds on file.</summary>
public sealed class PaymentGatewayClient(System.Net.Http.HttpClient http) : IPaymentGateway
{
    public async Task<string> AuthoriseAsync(PlacedOrder order, CancellationToken ct)
    {
        var response = await http.PostAsync($"authorisations/{order.OrderId}", null, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new PaymentRejectedException($"Gateway refused customer {order.CustomerNumber} for order {order.OrderId}");
        }
        return await response.Content.ReadAsStringAsync(ct);
    }
}
