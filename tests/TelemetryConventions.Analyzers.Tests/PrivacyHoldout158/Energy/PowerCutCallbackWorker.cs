namespace PrivacyHoldout158.Energy;

/// <summary>During a power cut, rings every register household on the affected feeders and books call-backs for those not reached.</summary>
public sealed class PowerCutCallbackWorker(
    IQueueReceiver<string> outages,
    IReferralGateway gateway,
    ICallPlatform platform,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<PowerCutCallbackWorker> logger) : BackgroundService
{
    private readonly List<PsrEntry> notReached = new();
    private readonly Dictionary<string, TimeSpan> callbackTimes = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var feederId = await outages.ReceiveAsync(stoppingToken);
            if (feederId is null)
            {
                continue;
            }

            using var span = source.StartPriorityservicesOperation("north-west");
            var households = await gateway.OnFeederAsync(feederId, stoppingToken);
            span.SetPriorityservicesEntryCount(households.Count); // clean generated-api
            Activity.Current?.SetTag("outage.feeder", feederId); // clean precision-names
            Activity.Current?.SetTag("outage.medical_equipment", households.Count(h => h.NeedCode == "14")); // clean precision-about

            foreach (var household in households)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await platform.ConnectAsync(household.Phone, "outage-desk", stoppingToken);
                    callbackTimes[household.AccountNumber] = Stopwatch.GetElapsedTime(started);
                    meter.CreatePriorityservicesCallbackDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "north-west"); // clean generated-api
                }
                catch (TextRejectedException ex)
                {
                    notReached.Add(household);
                    logger.LogWarning("Could not reach a household on {Feeder}: {Error}", feederId, ex.Message); // leak TC1001 exceptions
                    logger.LogWarning("Could not reach a household on {Feeder}: code {Code}", feederId, ex.Code); // clean exceptions
                    logger.LogPriorityservicesOperationFailedEvent("north-west", "not-reached", priorityservicesCustomerId: pseudonymizer.PseudonymizePriorityservicesCustomerId(household.AccountNumber), priorityservicesNote: $"Feeder {feederId}"); // clean generated-api
                    logger.LogPriorityservicesOperationFailedEvent("north-west", "not-reached", priorityservicesNote: $"Ring {household.ContactName} on {household.Phone}"); // leak TC1001 generated-api
                }
            }
        }
    }

    public void Report()
    {
        logger.LogWarning("Households not reached: {Households}", notReached); // leak TC1001 cross-member
        logger.LogWarning("Households not reached: {Count}", notReached.Count); // clean cross-member
        logger.LogInformation("Call-back times by account: {Times}", callbackTimes); // leak TC1001 cross-member
        logger.LogInformation("Slowest call-back: {Seconds}", callbackTimes.Values.DefaultIfEmpty().Max().TotalSeconds); // clean cross-member
        Activity.Current?.SetTag("outage.not_reached", string.Join(";", notReached.Select(h => h.MeterSerial))); // leak TC1001 strings
        Activity.Current?.SetTag("outage.not_reached_needs", string.Join(";", notReached.Select(h => h.NeedCode).Distinct())); // clean strings
    }
}
