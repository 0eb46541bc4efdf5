namespace PrivacyHoldout71.Retail;

/// <summary>
/// Validates order events against the event catalog before they are handed to the dispatcher, so a
/// merchant never receives a payload that breaks the published schema (emails <c>format: email</c>,
/// postcodes by <c>pattern</c>, customer numbers <c>^C\d{8}$</c>).
/// </summary>
public sealed class OutgoingSchemaGuard(
    ISchemaValidator schemas,
    MerchantWebhookDispatcher dispatcher,
    Meter meter,
    ILogger<OutgoingSchemaGuard> logger)
{
    private readonly Counter<long> _violations = meter.CreateCounter<long>("orderhook.schema.violations");

    public async Task PublishAsync(string merchantId, OrderPlaced order, CancellationToken cancellationToken)
    {
        var result = schemas.Validate("com.shop.order.placed.v2", JsonSerializer.SerializeToElement(order));
        try
        {
            if (!result.IsValid)
            {
                throw new SchemaValidationException("com.shop.order.placed.v2", result.Errors);
            }
            await dispatcher.OrderPlacedAsync(merchantId, order, cancellationToken);
        }
        catch (SchemaValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                _violations.Add(1, new KeyValuePair<string, object?>("keyword", error.Keyword), new KeyValuePair<string, object?>("path", error.InstanceLocation)); // clean precision-names
            }
            logger.LogError(ex, "Order {OrderId} not published", order.OrderId); // leak TC1001 exceptions
            logger.LogError("Order {OrderId} not published: {ExceptionType} with {Count} errors", order.OrderId, ex.GetType().Name, ex.Errors.Count); // clean exceptions
            Activity.Current?.AddEvent(new ActivityEvent("schema.violation", tags: new ActivityTagsCollection { ["errors"] = ex.Errors.Select(e => e.Message).ToArray() })); // leak TC1001 strings
            _violations.Add(1, new KeyValuePair<string, object?>("customer", order.CustomerNumber)); // leak TC1003 direct
        }
    }
}
