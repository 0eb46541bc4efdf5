namespace PrivacyHoldout85.Transport;

public sealed record TopUpInput(string CardNumber, decimal Amount, string PaymentToken);

public sealed class CardHotlistedException(string cardNumber, string hotlistReason) : Exception($"Card {cardNumber} is hotlisted: {hotlistReason}.")
{
    public string HotlistReason { get; } = hotlistReason;
}

[MutationType]
public sealed class TopUpMutations(ILogger<TopUpMutations> logger, Pseudonymizer pseudonymizer, Meter meter, IReadOnlySet<string> hotlist)
{
    private static readonly ActivitySource Source = new("Transit.GraphQL");

    public decimal TopUp(TopUpInput input, IResolverContext context)
    {
        using var span = Source.StartTransitgqlOperation(context.Operation.Name).SetTransitgqlOperationType("mutation");
        span.Activity?.SetTag("transit.topup.amount", input.Amount); // clean precision-about
        span.Activity?.SetTag("transit.card.prefix", input.CardNumber[..4]); // clean precision-about
        span.Activity?.SetTag("transit.card.hash", input.CardNumber.GetHashCode()); // leak TC1002 hashes
        logger.LogInformation("Top-up {Amount} on card {Card}", input.Amount, pseudonymizer.ComputeTransitgqlRiderId(input.CardNumber)); // clean precision-pseudonym
        meter.CreateTransitgqlOperationsCounter().Add(1, context.Operation.Name, pseudonymizer.ComputeTransitgqlRiderId(input.CardNumber)); // leak TC1003 precision-pseudonym
        if (hotlist.Contains(input.CardNumber))
        {
            var ex = new CardHotlistedException(input.CardNumber, "reported stolen");
            span.RecordException(ex); // clean exceptions
            logger.LogWarning(ex, "Top-up refused ({Reason})", ex.HotlistReason); // leak TC1001 exceptions
            throw new GraphQLException(ErrorBuilder.New().SetMessage("This card cannot be topped up.").SetCode("CARD_HOTLISTED").SetException(ex).Build());
        }

        return input.Amount;
    }
}

/// <summary>Error filter and cost limits of the rider API.</summary>
public sealed class TransitErrorFilter(ILogger<TransitErrorFilter> logger) : IErrorFilter
{
    public IError OnError(IError error)
    {
        var activity = Activity.Current;
        activity?.SetTag("graphql.error.code", error.Code ?? ErrorCodes.Unexpected); // clean precision-about
        if (error.Exception is GraphQLException { Errors: [{ Exception: CardHotlistedException hotlisted }] })
        {
            activity?.SetTag("transit.hotlist.reason", hotlisted.HotlistReason); // clean precision-about
            activity?.AddException(hotlisted); // leak TC1001 exceptions
            return error.RemoveException();
        }

        if (error.Exception is CostLimitExceededException cost)
        {
            activity?.SetStatus(ActivityStatusCode.Error, cost.Message); // clean exceptions
            logger.LogWarning("Cost {Cost} of {OperationName} over the limit", cost.FieldCost, cost.OperationName); // clean precision-about
            return error.WithCode(ErrorCodes.CostExceeded).RemoveException();
        }

        return error;
    }
}

public sealed class TransitCostListener(ILogger<TransitCostListener> logger) : ExecutionDiagnosticEventListener
{
    public override void OperationCost(IRequestContext context, CostMetrics cost)
    {
        logger.LogTransitgqlResolverFailedEvent("Query", ErrorCodes.CostExceeded, transitgqlNote: $"field cost {cost.FieldCost}, type cost {cost.TypeCost}, operation {context.OperationName}"); // clean precision-about
        if (context.Variables?.TryGetValue("cardNumber", out var card) == true)
        {
            logger.LogTransitgqlResolverFailedEvent("Query.card", ErrorCodes.CostExceeded, transitgqlNote: $"expensive look-up of card {card}"); // leak TC1001 generated-api
        }
    }

    public override void SubscriptionEventError(ISubscription subscription, Exception exception)
    {
        logger.LogError(exception, "Subscription {SubscriptionId} of {OperationName} failed", subscription.Id, subscription.Operation.Name); // clean exceptions
    }
}
