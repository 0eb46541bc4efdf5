using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout55.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout55.Retail;

public sealed record ReturnRequest(string OrderId, string CustomerNumber, string Reason, string? Comment);

public sealed record CheckoutAudit(string OrderId, string CustomerNumber, string StoreCode, decimal Total);

public interface IPaymentGateway
{
    Task<PaymentResult> ChargeAsync(Basket basket);
}

public interface IReturnsDesk
{
    Task<bool> WithinWindowAsync(string orderId);
}

public sealed class PaymentDeclinedException(string customerNumber, string declineCode)
    : Exception($"Payment declined for customer {customerNumber}: {declineCode}")
{
    public string DeclineCode { get; } = declineCode;
}

public static partial class ShopLog
{
    [LoggerMessage(EventId = 410, Level = LogLevel.Warning, Message = "Checkout of basket {BasketId} for {CustomerNumber} declined")]
    public static partial void CheckoutDeclined(ILogger logger, string basketId, string customerNumber);

    [LoggerMessage(EventId = 411, Level = LogLevel.Information, Message = "Return of {OrderId} opened by {CustomerNumber}")]
    public static partial void ReturnOpened(ILogger logger, string orderId, [PrivateData] string customerNumber);
}

/// <summary>Checkout and returns endpoints of the web shop.</summary>
public static class CheckoutEndpoints
{
    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/checkout", CheckoutAsync);
        routes.MapPost("/returns", ReturnAsync);
    }

    public static async Task<ActionResult> CheckoutAsync(Basket basket, IShopTelemetry telemetry, IPaymentGateway payments, ILogger<Basket> logger)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = telemetry.Begin(basket); // leak TC1001 cross-member
        try
        {
            var payment = await payments.ChargeAsync(basket);
            span.WithPayment(payment); // clean precision-about
            telemetry.Placed(basket, payment, Stopwatch.GetElapsedTime(started)); // leak TC1001 cross-member
            var audit = new CheckoutAudit(payment.OrderId, basket.CustomerNumber, basket.StoreCode, basket.Total);
            logger.LogInformation("Checkout audit {Audit}", audit); // leak TC1001 logging-objects
            logger.LogInformation("Paid {@Payment}", payment); // clean logging-objects
            if (basket.LoyaltyCardNumber is not null)
            {
                logger.LogInformation(string.Format("Points accrued on card {0} for order {1}", basket.LoyaltyCardNumber, payment.OrderId)); // leak TC1001 strings
            }
            return new OkResult(payment.OrderId);
        }
        catch (PaymentDeclinedException ex)
        {
            span.RecordException(ex) // clean exceptions
                .SetShopPaymentMethod(ShopPaymentMethodValue.Custom("declined:" + ex.DeclineCode)); // clean generated-api
            span.WithLoyaltyNote(basket.LoyaltyCardNumber); // leak TC1001 cross-member
            ShopLog.CheckoutDeclined(logger, basket.BasketId, basket.CustomerNumber); // leak TC1001 direct
            logger.LogWarning("Checkout declined: {Message}", ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Checkout declined with {DeclineCode} in {Store}", ex.DeclineCode, basket.StoreCode); // clean exceptions
            return new BadRequestResult("Payment declined");
        }
    }

    // Returns are still on the team's hand-written tracing, with the generated span added on top. The
    // reason is the code of the form's drop-down; newer app versions send codes the enum does not have yet.
    public static async Task<ActionResult> ReturnAsync(ReturnRequest request, IReturnsDesk desk, Pseudonymizer pseudonymizer, ILogger<ReturnRequest> logger)
    {
        var reason = ShopReturnReasonValues.TryParse(request.Reason, out var known) ? (ShopReturnReasonValue)known : ShopReturnReasonValue.Custom(request.Reason);
        var span = Activity.Current.EnrichShopReturnProcess(request.OrderId, reason); // clean generated-api
        span.SetShopCustomerId(pseudonymizer.PseudonymizeShopCustomerId(request.CustomerNumber)); // clean precision-pseudonym
        ShopLog.ReturnOpened(logger, request.OrderId, request.CustomerNumber); // clean direct
        Activity.Current?.SetTag("return.customer_bucket", BitConverter.ToUInt32(MD5.HashData(Encoding.UTF8.GetBytes(request.CustomerNumber))) % 32); // leak TC1002 hashes
        Activity.Current?.SetTag("return.has_comment", !string.IsNullOrEmpty(request.Comment)); // clean precision-about

        if (!await desk.WithinWindowAsync(request.OrderId))
        {
            logger.LogShopReturnRefusedEvent(request.OrderId, reason, pseudonymizer.PseudonymizeShopCustomerId(request.CustomerNumber), "outside 30-day window"); // clean precision-pseudonym
            logger.LogShopReturnRefusedEvent(request.OrderId, reason, shopNote: request.Comment); // leak TC1001 generated-api
            logger.LogInformation("Return refused {@Request}", request); // leak TC1001 logging-objects
            return new BadRequestResult("Outside the returns window");
        }

        var customerTier = request.CustomerNumber.StartsWith("G", StringComparison.Ordinal) ? "gold" : "standard";
        span.SetShopNote($"tier {customerTier}"); // clean precision-names
        logger.LogInformation("Return accepted for {OrderId} ({Reason})", request.OrderId, reason.WireValue); // clean direct
        return new OkResult(request.OrderId);
    }
}
