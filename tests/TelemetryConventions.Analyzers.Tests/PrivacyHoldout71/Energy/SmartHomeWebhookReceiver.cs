namespace PrivacyHoldout71.Energy;

/// <summary>The smart-home partner's half-hourly consumption push.</summary>
public sealed record ConsumptionPush(string MeterSerial, string Period, decimal Kwh, string HouseholdEmail);

/// <summary>Thrown when the partner pushes for a meter we do not supply; names the serial.</summary>
public sealed class UnknownMeterException(string meterSerial) : Exception($"Meter {meterSerial} is not supplied by us");

public interface IConsumptionStore
{
    Task SaveAsync(ConsumptionPush push, CancellationToken cancellationToken);
}

/// <summary>POST /webhooks/smart-home. Deduplicated per meter and half hour, as the partner's contract says.</summary>
public sealed class SmartHomeWebhookReceiver(
    string partnerSecret,
    IIdempotencyStore idempotency,
    IConsumptionStore store,
    ActivitySource source,
    Meter meter,
    ILogger<SmartHomeWebhookReceiver> logger)
{
    private readonly MetereventDeliveriesCounter _received = meter.CreateMetereventDeliveriesCounter();

    public async Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartMetereventReceive("partner.consumption"); // clean generated-api
        if (!WebhookSignature.Verify(partnerSecret, 0, request.Body, request.Header("X-Partner-Signature") ?? ""))
        {
            span.SetMetereventNote($"bad signature from {request.RemoteIpAddress}"); // clean generated-api
            return WebhookResponse.Unauthorized();
        }

        var push = JsonSerializer.Deserialize<ConsumptionPush>(request.Body)!;
        var dedupe = $"{push.MeterSerial}:{push.Period}";
        if (!await idempotency.TryClaimAsync(dedupe, TimeSpan.FromDays(1), cancellationToken))
        {
            span.SetMetereventOutcome("duplicate");
            span.Activity?.SetTag("idempotency.key", dedupe); // leak TC1001 strings
            return WebhookResponse.Duplicate();
        }

        try
        {
            await store.SaveAsync(push, cancellationToken);
        }
        catch (UnknownMeterException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            _received.Add(1, "partner.consumption", "smart-home", ex.GetType().Name); // clean generated-api
            return WebhookResponse.Invalid("unknown meter");
        }

        span.SetMetereventOutcome("stored");
        logger.LogInformation("Stored {Kwh} kWh for period {Period}", push.Kwh, push.Period); // clean precision-about
        logger.LogInformation("Stored push {Push}", push); // leak TC1001 logging-objects
        _received.Add(1, "partner.consumption", "smart-home", push.HouseholdEmail.Split('@')[1]); // clean precision-about
        return WebhookResponse.Accepted();
    }
}
