namespace PrivacyHoldout181.Retail;

/// <summary>The self-storage sites' gRPC service: units let to customers, door access codes issued and checked.</summary>
public sealed partial class StorageUnitService(
    ILogger<StorageUnitService> logger,
    Pseudonymizer pseudonymizer,
    IDoorController doors,
    TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Retailer.SelfStorage.Units");
    private static readonly Meter Meter = new("Retailer.SelfStorage.Units");
    private static readonly Counter<long> Lets = Meter.CreateCounter<long>("storage.lets");
    private static readonly Counter<long> DoorChecks = Meter.CreateCounter<long>("storage.door_checks");
    private static readonly MoveandstoreOperationDurationHistogram Duration = Meter.CreateMoveandstoreOperationDurationHistogram();

    public Task<UnitSummary> LetUnit(StorageRental rental, ServerCallContext context)
    {
        using var span = Source.StartMoveandstoreOperation(rental.Site);
        span.SetMoveandstoreMoverId(pseudonymizer.PseudonymizeMoveandstoreMoverId(rental.CustomerId)); // clean generated-api
        span.SetMoveandstoreMoveType("storage"); // clean generated-api
        span.SetMoveandstoreNote($"Unit {rental.UnitId}, {rental.SquareFeet} sq ft"); // clean generated-api
        span.SetMoveandstoreNote($"Access code {rental.AccessCode} issued"); // leak TC1001 generated-api

        var activity = span.Activity;
        activity?.SetTag("storage.unit.id", rental.UnitId); // clean precision-names
        activity?.SetTag("storage.site", rental.Site); // clean precision-names
        activity?.SetTag("storage.unit.sq_ft", rental.SquareFeet); // clean precision-about
        activity?.SetTag("storage.access_code", rental.AccessCode); // leak TC1001 direct
        activity?.SetTag("storage.access_code.digits", rental.AccessCode.Length); // clean precision-about
        activity?.SetTag("storage.renter", rental.RenterName); // leak TC1001 direct
        activity?.SetTag("storage.peer", context.Peer); // leak TC1001 direct

        var summary = new UnitSummary(rental.UnitId, rental.Site, rental.SquareFeet, true);
        logger.LogInformation("Unit let {Summary}", summary); // clean logging-objects
        logger.LogInformation("Unit let {Rental}", rental); // leak TC1001 logging-objects
        logger.LogInformation("Unit let {Rental}", rental with { AccessCode = "******" }); // leak TC1001 logging-objects
        logger.LogInformation("Unit let {Rental}", rental with { CustomerId = "", RenterName = "", AccessCode = "" }); // clean logging-objects
        LogCodeIssued(logger, rental.UnitId, rental.AccessCode); // clean logging-objects

        Lets.Add(1, new KeyValuePair<string, object?>("site", rental.Site)); // clean precision-names
        Lets.Add(1, new KeyValuePair<string, object?>("unit", rental.UnitId)); // clean precision-names
        Lets.Add(1, new KeyValuePair<string, object?>("renter", rental.CustomerId)); // leak TC1003 direct
        Duration.Record(0.2, rental.Site); // clean generated-api
        return Task.FromResult(summary);
    }

    public async Task<UnitSummary> CheckDoor(StorageRental rental, ServerCallContext context)
    {
        using var activity = Source.StartActivity("CheckDoor", ActivityKind.Server);
        var ok = await doors.CheckAsync(rental.Site, rental.AccessCode, context.CancellationToken);
        activity?.SetTag("storage.door.granted", ok); // clean precision-about
        DoorChecks.Add(1, new KeyValuePair<string, object?>("granted", ok), new KeyValuePair<string, object?>("site", rental.Site)); // clean precision-about
        if (!ok)
        {
            var ex = new AccessCodeRejectedException(rental.AccessCode);
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Door refused at {Site}: {Reason}", rental.Site, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Door refused at {Site}: {Reason}", rental.Site, ex.GetType().Name); // clean exceptions
            var codes = new List<string> { rental.AccessCode };
            logger.LogWarning("Codes refused {Codes}", string.Join(",", codes)); // leak TC1001 direct
            var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(rental.AccessCode)));
            activity?.SetTag("storage.access_code.tag", keyed); // clean hashes
            activity?.SetTag("storage.access_code.sha", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(rental.AccessCode)))); // leak TC1002 hashes
        }

        try
        {
            if (rental.SquareFeet > 300)
            {
                throw new UnitOccupiedException(rental.UnitId);
            }
        }
        catch (UnitOccupiedException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Unit {UnitId} occupied", rental.UnitId); // clean exceptions
        }

        return new UnitSummary(rental.UnitId, rental.Site, rental.SquareFeet, ok);
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Unit {UnitId} access code {AccessCode} issued")]
    private static partial void LogCodeIssued(ILogger logger, string unitId, [PrivateData] string accessCode);
}
