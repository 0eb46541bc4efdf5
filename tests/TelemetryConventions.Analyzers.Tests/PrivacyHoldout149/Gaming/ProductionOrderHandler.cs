namespace PrivacyHoldout149.Gaming;

/// <summary>
/// The legal desk's handler for court production orders served on the studio: checks the order's
/// jurisdiction, finds the account and seals the disclosure package for the requesting force.
/// </summary>
public sealed class ProductionOrderHandler(
    IDisclosureVault vault,
    Pseudonymizer pseudonymizer,
    Meter meter,
    JusticeOptions options,
    ILogger<ProductionOrderHandler> logger)
{
    private static readonly ActivitySource Source = new("Studio.Legal.ProductionOrders");

    private readonly Dictionary<string, DateTimeOffset> _dueByOrder = new();
    private ProductionOrder? _lastOrder;

    public async Task<DisclosurePackage?> HandleAsync(ProductionOrder order, string jurisdiction, CancellationToken cancellationToken)
    {
        _lastOrder = order;
        _dueByOrder[order.OrderRef] = DateTimeOffset.UtcNow + options.ProductionOrderDeadline;

        using var span = Source.StartGamelegalOperation(jurisdiction);
        span.SetGamelegalRequestKind("production-order");
        span.SetGamelegalPlayerId(pseudonymizer.PseudonymizeGamelegalPlayerId(order.PlayerId.ToString())); // clean precision-pseudonym
        span.SetGamelegalNote($"Order {order.OrderRef} from {order.IssuingCourt} for {order.Gamertag}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("order.ref", order.OrderRef);
        Activity.Current?.SetTag("order.court", order.IssuingCourt); // clean precision-names
        Activity.Current?.SetTag("order.period.days", order.To.DayNumber - order.From.DayNumber); // clean precision-about
        Activity.Current?.SetTag("order.officer", order.OfficerEmail); // leak TC1001 direct
        Activity.Current?.SetTag("order.officer.force", order.OfficerEmail.Split('@')[^1]); // clean precision-about
        Activity.Current?.SetBaggage("order.gamertag", order.Gamertag); // leak TC1001 direct
        logger.LogInformation("Production order {OrderRef} received for player {PlayerEmail}", order.OrderRef, order.Email); // leak TC1001 direct
        logger.LogInformation("Production order {@Order}", order); // leak TC1001 logging-objects

        try
        {
            if (jurisdiction is not ("gb-ew" or "gb-sc" or "gb-ni"))
            {
                throw new OrderOutOfScopeException(order.OrderRef, jurisdiction);
            }

            var package = await vault.SealAsync(order, cancellationToken);
            span.SetGamelegalRecordCount(package.RecordCount); // clean generated-api
            span.SetGamelegalOutcome("sealed");
            Activity.Current?.SetTag("disclosure.bytes", package.Bytes); // clean precision-about
            Activity.Current?.SetTag("disclosure.digest", package.PackageDigest); // clean precision-names
            meter.CreateGamelegalRequestsCounter().Add(1, jurisdiction, "sealed"); // clean generated-api
            logger.LogInformation("Disclosure sealed {Package}", package); // clean logging-objects
            return package;
        }
        catch (OrderOutOfScopeException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            meter.CreateGamelegalRequestsCounter().Add(1, jurisdiction, ex.GetType().Name); // clean generated-api
            return null;
        }
        catch (PlayerNotFoundException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogGamelegalOperationFailedEvent(jurisdiction, "no-account", gamelegalNote: ex.Message); // leak TC1001 generated-api
            meter.CreateGamelegalRequestsCounter().Add(1, jurisdiction, $"no-account:{order.Gamertag}"); // leak TC1003 generated-api
            return null;
        }
    }

    /// <summary>The deadline reminder job reads what the handler kept.</summary>
    public void RemindDeadlines()
    {
        foreach (var (orderRef, due) in _dueByOrder)
        {
            logger.LogInformation("Order {OrderRef} due {Due:O}", orderRef, due); // clean cross-member
        }

        if (_lastOrder is { } last)
        {
            logger.LogInformation("Last order was for {Gamertag}", last.Gamertag); // leak TC1001 cross-member
            logger.LogInformation("Last order came from {Court}", last.IssuingCourt); // clean cross-member
        }
    }
}
