namespace PrivacyHoldout107.Transport;

/// <summary>A rider account as the ticketing back office publishes it on its change topic. Prints its members.</summary>
public sealed record RiderAccountChanged(Guid RiderId, string Email, string? Mobile, string FamilyName, IReadOnlyList<string> CardNumbers, string ConcessionType, bool MarketingOptIn);

/// <summary>Consumes rider account changes and keeps the rider CRM's contacts in step, upserted by rider id.</summary>
public sealed class RiderContactSync(
    IConsumer<string, RiderAccountChanged> consumer,
    ICrmServiceClient crm,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<RiderContactSync> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Transit.RiderCrm.ContactSync");
    private static readonly Meter Meter = new("Transit.RiderCrm.ContactSync");
    private static readonly RidecrmSyncedCounter Synced = Meter.CreateRidecrmSyncedCounter();
    private static readonly Counter<long> Consumed = Meter.CreateCounter<long>("ridecrm.changes.consumed");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var change = result.Message.Value;
            using var span = Source.StartRidecrmSync("rider contact sync");
            span.Activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            // The back office keys its change topic by rider id.
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            span.SetRidecrmRiderId(pseudonymizer.PseudonymizeRidecrmRiderId(change.RiderId.ToString())); // clean precision-pseudonym
            span.Activity?.SetTag("rider.concession", change.ConcessionType); // clean precision-names
            span.Activity?.SetTag("rider.cards", change.CardNumbers.Count); // clean precision-about
            Consumed.Add(1, new KeyValuePair<string, object?>("concession", change.ConcessionType)); // clean precision-names

            var contact = new Entity("contact");
            contact.KeyAttributes["ride_riderid"] = change.RiderId;
            contact["emailaddress1"] = change.Email;
            contact["mobilephone"] = change.Mobile;
            contact["lastname"] = change.FamilyName;
            contact["donotbulkemail"] = !change.MarketingOptIn;

            try
            {
                var response = await crm.UpsertAsync(contact, stoppingToken);
                span.SetRidecrmOutcome(response.RecordCreated ? "created" : "updated"); // clean precision-about
                span.SetRidecrmMatchKey("ride_riderid"); // clean generated-api
                Synced.Add(1, response.RecordCreated ? "created" : "updated", change.ConcessionType); // clean precision-names
                logger.LogDebug("Rider synced, cards {Cards}", string.Join(",", change.CardNumbers)); // leak TC1001 strings
                logger.LogDebug("Rider synced, card shard {Shard}", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(change.CardNumbers.FirstOrDefault() ?? ""))[0] % 16); // clean hashes
                logger.LogDebug("Rider synced, card key {CardKey}", HashCode.Combine(change.CardNumbers.FirstOrDefault())); // leak TC1002 hashes
            }
            catch (CrmFaultException ex)
            {
                logger.LogError(ex, "Rider contact refused for offset {Offset}", result.Offset); // leak TC1001 exceptions
                span.SetRidecrmNote($"refused: {change.FamilyName}"); // leak TC1001 generated-api
                span.SetStatus(ActivityStatusCode.Error, $"CRM fault {ex.ErrorCode:x8}"); // clean exceptions
            }
            catch (CrmThrottledException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogWarning("Throttled on rider change {Change}", change); // leak TC1001 logging-objects
                await Task.Delay(ex.RetryAfter, stoppingToken);
            }

            consumer.Commit(result);
        }
    }
}
