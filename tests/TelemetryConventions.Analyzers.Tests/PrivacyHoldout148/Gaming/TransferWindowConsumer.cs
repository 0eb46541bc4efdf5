namespace PrivacyHoldout148.Gaming;

/// <summary>Consumes transfer requests from the transfers topic (keyed by transfer id) during the window.</summary>
public sealed class TransferWindowConsumer(
    IConsumer<string, TransferRequest> consumer,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<TransferWindowConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Esports.League.Transfers");
    private readonly Counter<long> _transfers = meter.CreateCounter<long>("esports.transfers");
    private TransferRequest? _biggestFee;
    private readonly List<Guid> _rejectedPlayers = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var transfer = result.Message.Value;
            using var span = Source.StartEsportsleagueOperation("2025-summer");
            span.SetEsportsleaguePlayerId(pseudonymizer.PseudonymizeEsportsleaguePlayerId(transfer.PlayerId.ToString())); // clean generated-api
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            Activity.Current?.SetTag("esports.transfer.route", $"{transfer.FromTeamId}->{transfer.ToTeamId}"); // clean strings
            Activity.Current?.SetTag("esports.transfer.summary", $"{transfer.Gamertag}: {transfer.FromTeamId}->{transfer.ToTeamId}"); // leak TC1001 strings
            Activity.Current?.SetTag("esports.transfer.fee", transfer.Fee); // clean precision-about

            if (_biggestFee is null || transfer.Fee > _biggestFee.Fee)
            {
                _biggestFee = transfer;
            }

            var dedupe = new Guid(SHA256.HashData(transfer.PlayerId.ToByteArray())[..16]);
            Activity.Current?.SetTag("esports.transfer.dedupe", dedupe); // leak TC1002 hashes
            var partition = HMACSHA256.HashData(secrets.ShardKey, transfer.PlayerId.ToByteArray())[0] % 4;
            _transfers.Add(1, new KeyValuePair<string, object?>("partition", partition)); // clean hashes

            if (transfer.Fee < 0)
            {
                _rejectedPlayers.Add(transfer.PlayerId);
                var ex = new PlayerSuspendedException(transfer.Gamertag, 3);
                Activity.Current?.AddException(ex); // leak TC1001 exceptions
                span.SetEsportsleagueNote($"Rejected: {ex.GetType().Name}"); // clean generated-api
                logger.LogEsportsleagueOperationFailedEvent("2025-summer", "rejected", esportsleagueNote: ex.Message); // leak TC1001 generated-api
            }

            _transfers.Add(1, new KeyValuePair<string, object?>("to_team", transfer.ToTeamId)); // clean precision-names
            meter.CreateEsportsleagueRosterChangesCounter().Add(1, esportsleagueSplit: "2025-summer", esportsleagueOutcome: transfer.Gamertag); // leak TC1003 generated-api
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }

    public void CloseWindow()
    {
        logger.LogInformation("Window closed; biggest fee {Fee} for {Gamertag}", _biggestFee?.Fee, _biggestFee?.Gamertag); // leak TC1001 cross-member
        logger.LogInformation("Window closed; biggest fee {Fee} to {Team}", _biggestFee?.Fee, _biggestFee?.ToTeamId); // clean cross-member
        logger.LogInformation("Rejected players: {Players}", _rejectedPlayers); // leak TC1001 cross-member
        logger.LogInformation("{Count} transfers rejected", _rejectedPlayers.Count); // clean cross-member
    }
}
