namespace PrivacyHoldout118.Transport;

/// <summary>
/// Erasure of a rider's account and registered cards. Taps are kept for revenue allocation, re-keyed to an
/// HMAC of the card number so that they no longer point at the card; the account and its contacts go.
/// </summary>
public sealed class CardErasureWorker(
    IQueueReceiver<ErasureTask> queue,
    IEnumerable<IErasureTarget> targets,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<CardErasureWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Transit.Privacy.Erasure");
    private static readonly Meter Meter = new("Transit.Privacy.Erasure");
    private static readonly Counter<long> Rekeyed = Meter.CreateCounter<long>("trdsr.taps.rekeyed");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.ReceiveAsync(stoppingToken) is { } task)
        {
            using var span = Source.StartTrdsrRequest(task.RequestId.ToString(), "erasure").SetTrdsrSystem(task.System); // clean precision-names
            var cardNumber = task.SubjectKey;
            var tapKey = Convert.ToBase64String(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(cardNumber)));
            span.Activity?.SetTag("trdsr.tap.key", tapKey); // clean hashes
            span.Activity?.SetTag("trdsr.card.encoded", Convert.ToBase64String(Encoding.UTF8.GetBytes(cardNumber))); // leak TC1001 hashes
            logger.LogInformation("Erasure job {JobId} attempt {Attempt} for {System}", task.JobId, task.Attempt, task.System); // clean precision-names
            logger.LogDebug("Erasure job {Task}", task with { SubjectKey = pseudonymizer.ComputeTrdsrSubjectId(cardNumber) }); // clean precision-pseudonym

            foreach (var target in targets)
            {
                try
                {
                    var outcome = await target.EraseAsync(cardNumber, stoppingToken);
                    Rekeyed.Add(outcome.RowsAnonymised, new KeyValuePair<string, object?>("system", target.System)); // clean precision-names
                }
                catch (SubjectNotFoundException ex)
                {
                    logger.LogInformation("{System} holds nothing; subject key length {Length}", ex.System, ex.SubjectKey.Length); // clean exceptions
                    logger.LogInformation("{System} holds nothing for {Card}", ex.System, ex.SubjectKey); // leak TC1001 exceptions
                }
                catch (ErasureFailedException ex)
                {
                    span.SetTrdsrOutcome("failed").RecordException(ex, includeMessage: true); // clean exceptions
                    logger.LogTrdsrRequestFailedEvent(task.RequestId.ToString(), "failed", pseudonymizer.PseudonymizeTrdsrSubjectId(cardNumber), ex.Message); // clean precision-pseudonym
                }
            }
            span.SetTrdsrNote($"card {cardNumber} erased"); // leak TC1001 generated-api
        }
    }
}
