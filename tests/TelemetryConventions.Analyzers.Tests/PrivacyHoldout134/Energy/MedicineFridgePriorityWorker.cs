namespace PrivacyHoldout134.Energy;

/// <summary>A Priority Services Register household that keeps medicines in a fridge (insulin, biologics).</summary>
public sealed record FridgeMedicineHousehold(string AccountNumber, string Mpan, string Postcode, string ContactName, string ContactPhone, string Medicine, int Occupants);

/// <summary>An unplanned outage on a feeder.</summary>
public sealed record OutageNotice(string OutageId, string Feeder, DateTimeOffset EstimatedRestore, IReadOnlyList<FridgeMedicineHousehold> Affected);

/// <summary>During an outage, finds priority households with refrigerated medicines and queues welfare calls and cool-bag deliveries.</summary>
public sealed class MedicineFridgePriorityWorker(
    IQueueReceiver<OutageNotice> outages,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<MedicineFridgePriorityWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Network.Priority");
    private static readonly Meter Meter = new("Network.Priority");
    private static readonly Counter<long> WelfareCalls = Meter.CreateCounter<long>("priority.welfare_calls");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var outage = await outages.ReceiveAsync(stoppingToken);
            if (outage is null)
            {
                continue;
            }

            using var span = Source.StartFieldjabBooking(fieldjabSite: outage.Feeder, spanName: "priority.fridge_medicines");
            span.SetFieldjabItemCount(outage.Affected.Count); // clean precision-about
            span.Activity?.SetTag("priority.outage", outage.OutageId); // clean precision-names
            span.Activity?.SetTag("priority.hours_to_restore", (outage.EstimatedRestore - DateTimeOffset.UtcNow).TotalHours); // clean precision-about
            span.Activity?.SetTag("priority.medicines", outage.Affected.Select(h => h.Medicine).Distinct().ToArray()); // clean precision-names
            span.Activity?.SetTag("priority.districts", outage.Affected.Select(h => h.Postcode.Split(' ')[0]).Distinct().ToArray()); // clean precision-about
            span.Activity?.SetTag("priority.mpans", string.Join(",", outage.Affected.Select(h => h.Mpan))); // leak TC1001 strings

            foreach (var household in outage.Affected)
            {
                span.Activity?.AddEvent(new ActivityEvent("priority.welfare_call", tags: new ActivityTagsCollection { ["account"] = pseudonymizer.ComputeFieldjabPersonId(household.AccountNumber), ["medicine"] = household.Medicine })); // clean precision-pseudonym
                logger.LogWarning("Welfare call to {Name} on {Phone} for {Medicine}", household.ContactName, household.ContactPhone, household.Medicine); // leak TC1001 direct
                logger.LogInformation("Cool bag for account shard {Shard}", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(household.AccountNumber))[0]); // clean hashes
                logger.LogInformation("Cool bag for {Household}", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(household.AccountNumber)))[..10]); // leak TC1002 hashes
                WelfareCalls.Add(1, new TagList { { "feeder", outage.Feeder }, { "medicine", household.Medicine } }); // clean precision-names
                WelfareCalls.Add(1, new TagList { { "feeder", outage.Feeder }, { "mpan", household.Mpan } }); // leak TC1003 direct
            }

            logger.LogInformation("Outage {OutageId}: {Households}", outage.OutageId, outage.Affected); // leak TC1001 logging-objects
        }
    }
}
