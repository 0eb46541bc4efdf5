namespace PrivacyHoldout152.Transport;

/// <summary>Hands children over at the nursery door: checks the collector against the parents' list and the family's password.</summary>
public sealed partial class CollectionDoorService(
    ICollectorRegister register,
    IChildRegister children,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    NurseryOptions options,
    Meter meter,
    ILogger<CollectionDoorService> logger)
{
    private static readonly ActivitySource Source = new("Nursery.Collections");

    private readonly Counter<long> refused = meter.CreateCounter<long>("nursery.collections.refused");
    private readonly List<string> refusedCollectors = new();
    private Handover? lastLate;

    public async Task<bool> HandOverAsync(string childId, string collectorName, string typedPassword, string room, CancellationToken cancellationToken)
    {
        using var span = Source.StartPickupOperation("EY501234");
        span.SetPickupChildId(pseudonymizer.PseudonymizePickupChildId(childId)); // clean precision-pseudonym
        Activity.Current?.SetTag("collection.room", room);
        Activity.Current?.SetTag("collection.password", typedPassword); // leak TC1001 direct
        Activity.Current?.SetTag("collection.password_length", typedPassword.Length); // clean precision-about

        var collectors = await register.ForChildAsync(childId, cancellationToken);
        var match = collectors.FirstOrDefault(c => string.Equals(c.Name, collectorName, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            var child = await children.FindAsync(childId, cancellationToken);
            var unauthorised = new UnauthorisedCollectorException(collectorName, child?.FirstName ?? "a child");
            refusedCollectors.Add(collectorName);
            refused.Add(1, new KeyValuePair<string, object?>("room", room));
            logger.LogWarning(unauthorised, "Collection refused at the {Room} door", room); // leak TC1001 exceptions
            logger.LogPickupOperationFailedEvent("EY501234", "unauthorised", pickupChildId: pseudonymizer.PseudonymizePickupChildId(childId), pickupNote: unauthorised.Message); // leak TC1001 generated-api
            span.SetPickupOutcome("refused"); // clean generated-api
            return false;
        }

        span.SetPickupCollectorId(pseudonymizer.PseudonymizePickupCollectorId(match.CollectorId)); // clean precision-pseudonym
        Activity.Current?.SetTag("collection.relationship", match.Relationship); // clean precision-about
        Activity.Current?.SetTag("collection.photo_on_file", match.PhotoOnFile); // clean precision-about
        logger.LogInformation("Collector {Collector}", match); // leak TC1001 logging-objects
        LogCollector(logger, match.Relationship, match.Name); // clean logging-objects
        LogCollectorUnclassified(logger, match.Relationship, match.Name); // leak TC1001 logging-objects

        var handover = new Handover(Guid.NewGuid().ToString("N"), childId, match.Name, DateTimeOffset.UtcNow, match.Password == typedPassword);
        await register.SaveAsync(handover, cancellationToken);
        Activity.Current?.SetTag("collection.password_matched", handover.PasswordMatched); // clean precision-about
        Activity.Current?.SetTag("collection.handover_id", handover.HandoverId); // clean precision-names
        Activity.Current?.SetTag("collection.collector_hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(match.CollectorId)))); // leak TC1002 hashes
        Activity.Current?.SetTag("collection.collector_slot", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(match.CollectorId))[3] % 10); // clean hashes
        meter.CreatePickupHandoversCounter().Add(1, "EY501234", match.Relationship); // clean generated-api
        meter.CreatePickupHandoversCounter().Add(1, "EY501234", match.CollectorId); // leak TC1003 generated-api

        var closing = DateTimeOffset.UtcNow.Date.AddHours(18);
        if (handover.At > closing + options.LateCollectionGrace)
        {
            lastLate = handover;
            var late = new LateCollectionException(room, (int)(handover.At - closing).TotalMinutes);
            Activity.Current?.AddException(late); // clean exceptions
            meter.CreatePickupLateDurationHistogram().Record((handover.At - closing).TotalSeconds, "EY501234"); // clean generated-api
        }

        return true;
    }

    public void LogEvening()
    {
        logger.LogInformation("{Count} collections refused today", refusedCollectors.Count); // clean cross-member
        logger.LogInformation("Refused collectors today: {Names}", refusedCollectors); // leak TC1001 cross-member
        logger.LogInformation("Last late collection at {At}", lastLate?.At); // clean cross-member
        logger.LogInformation("Last late collection: {Handover}", lastLate); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 5801, Level = LogLevel.Information, Message = "Handed over to the child's {Relationship}, {CollectorName}")]
    private static partial void LogCollector(ILogger logger, string relationship, [PrivateData] string collectorName);

    [LoggerMessage(EventId = 5802, Level = LogLevel.Information, Message = "Handed over to the child's {Relationship}, {CollectorName}")]
    private static partial void LogCollectorUnclassified(ILogger logger, string relationship, string collectorName);
}
