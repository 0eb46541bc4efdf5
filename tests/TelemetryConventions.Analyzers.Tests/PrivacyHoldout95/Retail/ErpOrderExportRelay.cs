namespace PrivacyHoldout95.Retail;

/// <summary>The order event the web shop writes to the outbox for the ERP.</summary>
public sealed record OrderPlaced(string OrderNumber, string CustomerNumber, string Email, string DeliveryPostcode, string StoreCode, IReadOnlyList<string> Skus, decimal Total);

public interface IErpClient
{
    Task<string> ImportOrderAsync(string payload, CancellationToken cancellationToken = default);
}

/// <summary>The ERP's import refused a field; quotes the field and the value it refused, as the ERP's error text does.</summary>
public sealed class ErpValidationException(string field, string value) : Exception($"Field {field} invalid: '{value}'")
{
    public string Field { get; } = field;
}

/// <summary>The ERP's import endpoint is down; names the endpoint and the HTTP status.</summary>
public sealed class ErpUnavailableException(int status) : Exception($"ERP import endpoint returned {status}")
{
    public int Status { get; } = status;
}

/// <summary>
/// Relays <c>OrderPlaced</c> rows of the shop's outbox to the ERP's import API, partitioned by store so that each store's
/// orders arrive in order. Validation failures are poison: dead-lettered at once. Outages are retried with back-off.
/// </summary>
public sealed class ErpOrderExportRelay(
    IOutboxStore outbox,
    IDeadLetterStore deadLetters,
    IErpClient erp,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<ErpOrderExportRelay> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Shop.Erp.Outbox");
    private string? _lastStore;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var batch = await outbox.FetchUnprocessedAsync(options.Value.BatchSize, time.GetUtcNow(), stoppingToken);
            logger.LogDebug("ERP export batch: stores {Stores}", batch.Select(m => m.PartitionKey).Distinct().ToArray()); // clean logging-objects
            foreach (var message in batch)
            {
                await ExportAsync(message, stoppingToken);
            }
            if (batch.Count > 0)
            {
                logger.LogDebug("ERP export batch done; last store {Store}", _lastStore); // clean cross-member
            }
        }
    }

    private async Task ExportAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var order = JsonSerializer.Deserialize<OrderPlaced>(message.Content)!;
        logger.LogDebug("Exporting {Order}", order); // leak TC1001 logging-objects
        _lastStore = message.PartitionKey;
        using var span = Source.StartShopjobsOutboxDispatch(message.Type)
            .SetShopjobsJobKey(order.OrderNumber) // clean precision-names
            .SetShopjobsJobAttempt(message.Attempts + 1)
            .SetShopjobsCustomerId(pseudonymizer.PseudonymizeShopjobsCustomerId(order.CustomerNumber));
        span.Activity?.SetTag("shopjobs.order.skus", order.Skus.Count);
        span.Activity?.SetTag("shopjobs.order.postcode_district", order.DeliveryPostcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("shopjobs.order.customer_bucket", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(order.CustomerNumber)))[..4]); // leak TC1002 hashes
        span.Activity?.SetTag("shopjobs.order.partition", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(order.OrderNumber)))[..2]); // clean hashes
        if (message.Error is not null)
        {
            logger.LogInformation("Retrying {OrderNumber} after {Error}", order.OrderNumber, message.Error); // clean strings
        }

        try
        {
            var erpReference = await erp.ImportOrderAsync(message.Content, cancellationToken);
            await outbox.MarkProcessedAsync(message.Id, time.GetUtcNow(), cancellationToken);
            logger.LogInformation("Order {OrderNumber} imported as {ErpReference}", order.OrderNumber, erpReference); // clean precision-names
        }
        catch (ErpValidationException ex)
        {
            await deadLetters.AddAsync(new DeadLetter(message.Id, "erp-export", message.Type, message.Content, DeadLetterReason.ValidationFailed, message.Attempts + 1, time.GetUtcNow()) { ErrorMessage = ex.Message, PartitionKey = message.PartitionKey }, cancellationToken);
            await outbox.DeleteAsync(message.Id, cancellationToken);
            span.SetShopjobsOutcome("dead_lettered").SetStatus(ActivityStatusCode.Error, $"ERP refused field {ex.Field}"); // clean exceptions
            logger.LogError(ex, "Order {OrderNumber} dead-lettered", order.OrderNumber); // leak TC1001 exceptions
            logger.LogShopjobsJobDeadLetteredEvent("erp-export", "validation_failed", message.Attempts + 1, shopjobsNote: $"order {order.OrderNumber}, field {ex.Field}"); // clean generated-api
        }
        catch (ErpUnavailableException ex)
        {
            var delay = Backoff.Exponential(message.Attempts + 1, options.Value.BaseDelay, options.Value.MaxDelay);
            await outbox.MarkFailedAsync(message.Id, ex.Message, time.GetUtcNow() + delay, cancellationToken);
            span.RecordException(ex, includeMessage: true).SetShopjobsOutcome("retrying");
        }
    }
}

/// <summary>The ops page of the ERP export's dead letters, with a replay button.</summary>
public static class ErpDeadLetterEndpoints
{
    public static void Map(EndpointRoutes routes)
    {
        routes.MapGet("/ops/erp/dead-letters", async (IDeadLetterStore store, ILogger<ErpDeadLetterPage> logger, CancellationToken cancellationToken) =>
        {
            var letters = await store.ListAsync("erp-export", 100, cancellationToken);
            logger.LogInformation("ERP dead letters: {Count}, by reason {Reasons}", letters.Count, letters.GroupBy(l => l.Reason).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
            logger.LogDebug("ERP dead letter errors {Errors}", letters.Select(l => l.ErrorMessage).ToArray()); // leak TC1001 logging-objects
            return letters;
        });

        routes.MapPost("/ops/erp/dead-letters/{id:guid}/replay", async (Guid id, ClaimsUser user, IDeadLetterStore store, IOutboxStore outbox, ILogger<ErpDeadLetterPage> logger, CancellationToken cancellationToken) =>
        {
            var letter = await store.GetAsync(id, cancellationToken);
            if (letter is null)
            {
                return false;
            }
            await outbox.AddAsync(new OutboxMessage(Guid.NewGuid(), letter.MessageType, "erp", letter.Payload, DateTimeOffset.UtcNow) { PartitionKey = letter.PartitionKey }, cancellationToken);
            await store.RemoveAsync(id, cancellationToken);
            logger.LogInformation("Replayed {DeadLetter}", letter); // leak TC1001 logging-objects
            logger.LogInformation("Dead letter {Id} of store {Store} replayed by staff {StaffId}", id, letter.PartitionKey, user.SubjectId); // leak TC1001 direct
            return true;
        });
    }
}

public sealed class ErpDeadLetterPage;
