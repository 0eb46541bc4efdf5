namespace PrivacyHoldout143.Education;

/// <summary>
/// Dispenses repeat medication for the teaching clinic's clients from the <c>univet.repeats</c> topic, which the
/// owners' portal keys by client number; pets on long-term medication need a health check every few repeats.
/// </summary>
public sealed class RepeatPrescriptionConsumer(
    IConsumer<string, RepeatRequest> consumer,
    IPharmacyService pharmacy,
    IClientDirectory clients,
    IOwnerMessenger messenger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    PetCareOptions options,
    ILogger<RepeatPrescriptionConsumer> logger) : BackgroundService
{
    private const string Clinic = "small-animal";

    private readonly Counter<long> _held = meter.CreateCounter<long>("univet.repeats.held", "{repeat}");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => LoopAsync(stoppingToken), stoppingToken);

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = source.StartActivity("univet.repeats process", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("univet.repeat.bucket", (uint)result.Message.Key.GetHashCode() % 32); // leak TC1002 hashes
            await HandleAsync(result.Message.Value, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(RepeatRequest request, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["ClientNumber"] = request.ClientNumber, ["RequestId"] = request.RequestId }); // leak TC1001 direct
        using var span = source.StartUnivetOperation(Clinic);
        span.SetUnivetClientId(pseudonymizer.PseudonymizeUnivetClientId(request.ClientNumber)); // clean generated-api
        logger.LogInformation("Repeat request {RequestId} for {Drug}", request.RequestId, request.Drug); // clean precision-names
        logger.LogDebug("Repeat request {Request}", request); // leak TC1001 logging-objects
        if (!string.IsNullOrWhiteSpace(request.OwnerNote))
        {
            logger.LogInformation("Owner wrote: {Note}", request.OwnerNote); // leak TC1001 direct
        }

        var prescription = await pharmacy.FindAsync($"RX-{request.PetId:N}-{request.Drug}", cancellationToken);
        if (prescription is null)
        {
            span.SetUnivetOutcome("no-prescription");
            return;
        }

        logger.LogInformation("Prescription on file {Prescription}", prescription); // clean logging-objects
        Activity.Current?.SetTag("univet.repeat.repeats_left", prescription.RepeatsLeft); // clean precision-about
        Activity.Current?.SetTag("univet.repeat.pet", prescription.PetId); // clean precision-names

        try
        {
            var result = await pharmacy.DispenseAsync(prescription.PrescriptionId, prescription.Quantity, cancellationToken);
            logger.LogInformation("Dispense answered {Result}", result); // clean logging-objects
            span.SetUnivetOutcome(result.Dispensed ? "dispensed" : "held"); // clean generated-api
            meter.CreateUnivetConsultationsCounter().Add(1, univetClinic: Clinic, univetOutcome: "repeat-dispensed"); // clean generated-api
        }
        catch (RepeatLimitReachedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            span.SetUnivetNote($"no repeats left on {ex.PrescriptionId}"); // clean generated-api
            _held.Add(1, new KeyValuePair<string, object?>("reason", "no-repeats"));
        }
        catch (HealthCheckDueException ex)
        {
            logger.LogWarning(ex, "Repeat {RequestId} held for a health check", request.RequestId); // leak TC1001 exceptions
            span.SetUnivetNote(ex.Message); // leak TC1001 generated-api
            _held.Add(1, new KeyValuePair<string, object?>("reason", "health-check"), new KeyValuePair<string, object?>("client", pseudonymizer.ComputeUnivetClientId(request.ClientNumber))); // leak TC1003 precision-pseudonym

            var owner = await clients.FindAsync(request.ClientNumber, cancellationToken);
            if (owner?.Mobile is { } mobile)
            {
                var fields = new Dictionary<string, string> { ["drug"] = request.Drug, ["portal"] = options.OwnerPortalUrl.ToString() };
                await messenger.SendAsync(options.RepeatReadyTemplateId, mobile, fields, cancellationToken);
                Activity.Current?.SetTag("univet.notify.sms", true);
                Activity.Current?.SetTag("univet.notify.mobile_prefix", mobile[..3]); // clean precision-about
                logger.LogInformation("Health check invitation texted to {Mobile}", mobile); // leak TC1001 direct
            }
        }
        catch (PrescriptionExpiredException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogUnivetOperationFailedEvent(Clinic, "expired", univetClientId: pseudonymizer.PseudonymizeUnivetClientId(request.ClientNumber), univetNote: ex.Message); // clean generated-api
        }
    }
}
