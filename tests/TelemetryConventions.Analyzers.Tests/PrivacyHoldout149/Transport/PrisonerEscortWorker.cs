namespace PrivacyHoldout149.Transport;

/// <summary>
/// The escort contractor's dispatcher: takes the next move from Book a Secure Move, assigns a
/// cellular van and tracks the prisoner from the establishment to court and back.
/// </summary>
public sealed partial class PrisonerEscortWorker(
    IBookAMoveClient moves,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<PrisonerEscortWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Escort.Dispatch");
    private static readonly Meter DispatchMeter = new("Escort.Dispatch");
    private static readonly Counter<long> RiskFlags = DispatchMeter.CreateCounter<long>("escort.risk_flags", "{flag}");
    private static readonly Counter<long> MovesByPrisoner = DispatchMeter.CreateCounter<long>("escort.moves.by_prisoner", "{move}");

    private PersonEscortRecord? _inTransit;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var record = await moves.NextAsync(stoppingToken);
            if (record is null)
            {
                await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
                continue;
            }

            await DispatchAsync(record, stoppingToken);
        }
    }

    private async Task DispatchAsync(PersonEscortRecord record, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartEscortOperation(record.From);
        span.SetEscortVehicle(record.VehicleId); // clean generated-api
        span.SetEscortPersonId(pseudonymizer.PseudonymizeEscortPersonId(record.PrisonNumber)); // clean precision-pseudonym
        span.SetEscortNote($"{record.From} to {record.To}, {record.RiskFlags.Length} risk flags"); // clean generated-api
        Activity.Current?.SetTag("move.id", record.MoveId);
        Activity.Current?.SetTag("move.to", record.To);
        Activity.Current?.SetTag("move.prison_number", record.PrisonNumber); // leak TC1001 direct
        Activity.Current?.SetTag("move.pnc.hash", Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(record.PncId))).ToLowerInvariant()); // leak TC1002 hashes
        Activity.Current?.SetTag("move.prisoner.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.ASCII.GetBytes(record.PrisonNumber))[0] % 12); // clean hashes
        LogMove(logger, record.MoveId, record.FullName, record.From, record.To); // clean logging-objects
        logger.LogInformation("Escort record {Record}", record); // leak TC1001 logging-objects
        logger.LogInformation("Moving {Prisoner} from {From} to {To}", record.FullName, record.From, record.To); // leak TC1001 direct

        foreach (var flag in record.RiskFlags)
        {
            RiskFlags.Add(1, new KeyValuePair<string, object?>("flag", flag), new KeyValuePair<string, object?>("from", record.From)); // clean precision-about
        }

        MovesByPrisoner.Add(1, new KeyValuePair<string, object?>("prisoner", pseudonymizer.PseudonymizeEscortPersonId(record.PrisonNumber))); // leak TC1003 precision-pseudonym

        try
        {
            var assignment = await moves.AssignAsync(record, cancellationToken);
            _inTransit = record;
            Activity.Current?.SetTag("move.contractor", assignment.Contractor); // clean precision-names
            Activity.Current?.SetTag("move.cells", assignment.Cells); // clean precision-about
            logger.LogInformation("Assigned {Assignment}", assignment); // clean logging-objects
            logger.LogInformation(string.Concat("Move ", record.MoveId, " on ", assignment.VehicleId, " departs ", assignment.Departs.ToString("HH:mm", CultureInfo.InvariantCulture))); // clean strings
            meter.CreateEscortMovesCounter().Add(1, record.From, "assigned"); // clean generated-api
            meter.CreateEscortMoveDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, record.From); // clean generated-api
        }
        catch (PrisonerNotReadyException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogEscortOperationFailedEvent(record.From, "not-ready", escortNote: ex.Message); // leak TC1001 generated-api
            logger.LogEscortOperationFailedEvent(record.From, "not-ready", escortPersonId: pseudonymizer.PseudonymizeEscortPersonId(record.PrisonNumber)); // clean generated-api
        }
        catch (VanBreakdownException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Move {MoveId} delayed: vehicle {VehicleId}", record.MoveId, ex.VehicleId); // clean exceptions
        }
    }

    /// <summary>The control room's status board asks what is on the road.</summary>
    public void ReportInTransit()
    {
        Activity.Current?.SetTag("escort.in_transit.move", _inTransit?.MoveId); // clean cross-member
        Activity.Current?.SetTag("escort.in_transit.prisoner", _inTransit?.FullName); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Move {MoveId}: {PrisonerName} from {From} to {To}")]
    private static partial void LogMove(ILogger logger, string moveId, [PrivateData] string prisonerName, string from, string to);
}
