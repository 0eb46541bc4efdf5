using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout62.Retail;

public sealed class ReturnsOptions
{
    public int ReturnWindowDays { get; set; } = 30;

    public bool TraceLoyaltyCards { get; set; }
}

public sealed record CreateReturnRequest(string OrderId, string Sku, string ReasonCode, string? Comment, bool RefundToLoyaltyCard);

public sealed record ReturnCreated(string ReturnId, string OrderId, string Sku, string Reason, decimal RefundAmount);

public interface ILoyaltyClient
{
    Task<string?> CardForAsync(string customerNumber, CancellationToken cancellationToken);

    Task CreditAsync(string cardNumber, decimal amount, CancellationToken cancellationToken);
}

/// <summary>Thrown by <see cref="ILoyaltyClient.CreditAsync"/> when the card is suspended.</summary>
public sealed class LoyaltyCardSuspendedException(string cardNumber)
    : Exception($"Loyalty card {cardNumber} is suspended");

public interface IReturnsService
{
    Task<Result<ReturnCreated>> CreateAsync(string customerNumber, CreateReturnRequest request, CancellationToken cancellationToken);
}

public sealed class ReturnsService(
    IOrderRepository orders,
    ILoyaltyClient loyalty,
    Pseudonymizer pseudonymizer,
    IOptions<ReturnsOptions> options,
    ILogger<ReturnsService> logger) : IReturnsService
{
    public async Task<Result<ReturnCreated>> CreateAsync(string customerNumber, CreateReturnRequest request, CancellationToken cancellationToken)
    {
        OrdersReturnReasonValue reason = request.ReasonCode switch
        {
            "damaged" => OrdersReturnReason.Damaged,
            "wrong_size" => OrdersReturnReason.WrongSize,
            "changed_mind" => OrdersReturnReason.ChangedMind,
            _ => OrdersReturnReasonValue.Custom(request.ReasonCode),
        };
        using var span = OrdersTelemetry.Source.StartOrdersReturnCreate(request.OrderId, reason); // clean generated-api
        span.SetOrdersCustomerId(pseudonymizer.PseudonymizeOrdersCustomerId(customerNumber)); // clean precision-pseudonym

        var order = await orders.GetAsync(request.OrderId, cancellationToken);
        if (order is null || order.CustomerNumber != customerNumber)
        {
            logger.LogWarning("Return for unknown order {OrderId} by customer {CustomerNumber}", request.OrderId, customerNumber); // leak TC1001 direct
            return Result<ReturnCreated>.Failure(new Error("order.unknown", "Unknown order"));
        }

        if (request.Comment is { } comment)
        {
            span.SetOrdersNote($"comment given ({comment.Length} chars)"); // clean generated-api
            span.SetOrdersNote(comment); // leak TC1001 generated-api
        }

        var refund = order.Total / Math.Max(order.Lines.Count, 1);
        var returnId = $"RMA-{Guid.NewGuid():N}"[..16];
        if (request.RefundToLoyaltyCard)
        {
            var card = await loyalty.CardForAsync(customerNumber, cancellationToken);
            if (card is not null)
            {
                if (options.Value.TraceLoyaltyCards)
                {
                    Activity.Current?.SetTag("orders.loyalty.card", card); // leak TC1001 direct
                }
                Activity.Current?.SetTag("orders.loyalty.card_last4", card[^4..]); // clean precision-about
                Activity.Current?.SetTag("orders.loyalty.ref", Pseudonym.FromComputed(card).Value); // leak TC1001 precision-pseudonym
                try
                {
                    await loyalty.CreditAsync(card, refund, cancellationToken);
                }
                catch (LoyaltyCardSuspendedException ex)
                {
                    span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                    logger.LogWarning("Loyalty credit failed ({ExceptionType}); refunding to card instead", ex.GetType().Name); // clean exceptions
                }
            }
        }

        OrdersTelemetry.Returns.Add(1, reason, OrdersChannel.Web);
        var created = new ReturnCreated(returnId, order.Id, request.Sku, request.ReasonCode, refund);
        logger.LogInformation("Return created {Return}", created); // clean logging-objects
        logger.LogInformation("Return {ReturnId} confirmation sent to {CustomerEmail}", returnId, order.Email); // leak TC1001 direct
        return Result<ReturnCreated>.Success(created);
    }
}
