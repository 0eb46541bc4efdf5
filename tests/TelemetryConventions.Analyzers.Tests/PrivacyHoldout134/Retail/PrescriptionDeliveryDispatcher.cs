namespace PrivacyHoldout134.Retail;

/// <summary>Plans the day's medicine home deliveries from a store hub and records proof of delivery.</summary>
public sealed partial class PrescriptionDeliveryDispatcher(IDeliveryPlanner planner, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<PrescriptionDeliveryDispatcher> logger)
{
    private static readonly ActivitySource Source = new("Pharmacy.Delivery");
    private static readonly Meter Meter = new("Pharmacy.Delivery");
    private static readonly Counter<long> Drops = Meter.CreateCounter<long>("pharmacy.delivery.drops");
    private readonly StorerxFulfilmentDurationHistogram _duration = Meter.CreateStorerxFulfilmentDurationHistogram();

    private DeliveryDrop? _lastFailedDrop;

    public async Task DispatchAsync(string depotId, string driverColleagueNumber, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartStorerxFulfilment(storerxStore: depotId, spanName: "delivery.dispatch");
        span.SetStorerxPharmacistId(pseudonymizer.PseudonymizeStorerxPharmacistId(driverColleagueNumber)); // clean precision-pseudonym
        var drops = await planner.PlanAsync(depotId, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken);
        span.SetStorerxItemCount(drops.Count); // clean precision-about
        span.Activity?.SetTag("delivery.routes", drops.Select(d => d.RouteId).Distinct().ToArray()); // clean precision-names
        span.Activity?.SetTag("delivery.cd_drops", drops.Count(d => d.ContainsControlledDrug)); // clean precision-about
        span.Activity?.SetTag("delivery.first_stop", drops.FirstOrDefault()?.Postcode); // leak TC1001 direct
        span.Activity?.SetTag("delivery.driver", driverColleagueNumber); // leak TC1001 direct
        logger.LogInformation("Route plan for {Depot}: {Drops}", depotId, drops); // leak TC1001 logging-objects

        foreach (var drop in drops.Where(d => d.RequiresSignature))
        {
            LogSignatureDrop(logger, drop.DropId, drop.RecipientName); // clean logging-objects
            span.Activity?.AddEvent(new ActivityEvent("delivery.signature_needed", tags: new ActivityTagsCollection { ["drop"] = drop.DropId, ["area"] = drop.Postcode.Split(' ')[0] })); // clean precision-about
        }

        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, storerxStore: depotId); // clean generated-api
    }

    public async Task ConfirmAsync(DeliveryDrop drop, CancellationToken cancellationToken)
    {
        using var span = Source.StartStorerxFulfilment(storerxStore: drop.RouteId, spanName: "delivery.confirm");
        try
        {
            var proof = await planner.ProofAsync(drop.DropId, cancellationToken) ?? throw new DeliveryFailedException(drop.DropId, "no-proof");
            span.Activity?.SetTag("delivery.signed", !string.IsNullOrEmpty(proof.SignedBy)); // clean precision-about
            logger.LogInformation("Delivered {@Proof}", proof); // leak TC1001 logging-objects
            span.Activity?.SetTag("delivery.recipient.lane", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(drop.RecipientName + drop.Postcode))[0] % 8); // clean hashes
            Drops.Add(1, new TagList { { "route", drop.RouteId }, { "refrigerated", drop.Refrigerated } }); // clean precision-names
        }
        catch (DeliveryFailedException ex)
        {
            _lastFailedDrop = drop;
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogStorerxFulfilmentFailedEvent(storerxStore: drop.RouteId, storerxOutcome: ex.ReasonCode, storerxNote: $"failed drop {drop.DropId}"); // clean generated-api
            Drops.Add(1, new TagList { { "route", drop.RouteId }, { "recipient", drop.Postcode } }); // leak TC1003 direct
        }
        catch (AddressUnmatchedException ex)
        {
            logger.LogError(ex, "Address unmatched on {Route}", drop.RouteId); // leak TC1001 exceptions
        }
    }

    public void ReportRedelivery() =>
        logger.LogWarning("Redelivery needed for {Recipient}", _lastFailedDrop?.RecipientName); // leak TC1001 cross-member

    [LoggerMessage(Level = LogLevel.Information, Message = "Signature drop {DropId} for {RecipientName}")]
    private static partial void LogSignatureDrop(ILogger logger, string dropId, [PrivateData] string recipientName);
}
