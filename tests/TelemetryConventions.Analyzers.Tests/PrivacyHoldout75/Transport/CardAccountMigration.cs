namespace PrivacyHoldout75.Transport;

public sealed record CardAccount(
    string CardNumber,
    Guid RiderId,
    string? Email,
    string Concession,
    decimal Balance,
    string Status);

/// <summary>
/// Moves travel-card accounts from the legacy back office (keyed by card number) to the new one,
/// in scans of 500 from a checkpoint on the last card number, verifying each write by reading it
/// back. The new back office is unique on card number: its <see cref="DuplicateRecordException"/>
/// quotes the card number of both accounts.
/// </summary>
public sealed partial class CardAccountMigration(
    IRecordStore<CardAccount> legacyBackOffice,
    IRecordStore<CardAccount> newBackOffice,
    ICheckpointStore checkpoints,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CardAccountMigration> logger)
{
    private const string Job = "card-accounts-v2";

    private readonly Counter<long> _verified = meter.CreateCounter<long>("cardmig.verified", "{account}");
    private string? _lastDuplicateCard;

    public async Task RunAsync(string runId, CancellationToken cancellationToken)
    {
        var checkpoint = await checkpoints.LoadAsync(Job, cancellationToken);
        logger.LogInformation("Resuming {Job} from {@Checkpoint}", Job, checkpoint); // leak TC1001 logging-objects
        var batchId = $"{runId}-{(checkpoint?.Processed ?? 0) / 500:D5}";
        using var span = source.StartCardmigRun(runId);
        span.SetCardmigBatchId(batchId);

        var processed = checkpoint?.Processed ?? 0;
        string? last = null;
        await foreach (var (cardNumber, account) in legacyBackOffice.ScanAsync(checkpoint?.LastKey, 500, cancellationToken))
        {
            last = cardNumber;
            processed++;
            span.SetCardmigRiderId(pseudonymizer.PseudonymizeCardmigRiderId(account.RiderId.ToString())); // clean precision-pseudonym
            try
            {
                await newBackOffice.PutAsync(cardNumber, account, cancellationToken);
            }
            catch (DuplicateRecordException ex)
            {
                _lastDuplicateCard = cardNumber;
                logger.LogError("Card already migrated: {Error}", ex.Message); // leak TC1001 exceptions
                span.RecordException(ex, "duplicate card"); // clean exceptions
                meter.CreateCardmigRecordsCounter().Add(1, "duplicate", cardmigRule: "card-unique"); // clean generated-api
                continue;
            }

            var echo = await newBackOffice.GetAsync(cardNumber, cancellationToken);
            var differing = echo is null ? ["*"] : RecordDiff.ChangedFields(account, echo);
            _verified.Add(1, new KeyValuePair<string, object?>("outcome", differing.Count == 0 ? "same" : "differs"), new KeyValuePair<string, object?>("concession", account.Concession)); // clean precision-about
            if (differing.Count == 0)
            {
                continue;
            }
            logger.LogCardmigMismatchEvent("write-verify", "differs", cardmigChangedFields: string.Join(",", differing), cardmigNote: $"card {cardNumber[..6]}******{cardNumber[^4..]}"); // clean generated-api
            logger.LogCardmigMismatchEvent("write-verify", "differs", cardmigNote: $"card {cardNumber}"); // leak TC1001 generated-api
            if (echo is not null && echo.Balance != account.Balance)
            {
                logger.LogWarning("Balance differs after migration: {Old} -> {New} ({Concession})", account.Balance, echo.Balance, account.Concession); // clean precision-about
            }
            if (echo is not null && echo.Email != account.Email)
            {
                Activity.Current?.SetTag(CardmigAttributes.RiderEmail, account.Email); // leak TC1001 generated-api
                logger.LogWarning("Email differs after migration: {Diff}", RecordDiff.Changes(account, echo).Where(c => c.Field == nameof(CardAccount.Email)).ToList()); // leak TC1001 logging-objects
            }
            var audit = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cardNumber)))[..12];
            Activity.Current?.AddEvent(new ActivityEvent("card.verify_failed", tags: new ActivityTagsCollection { ["card.audit_key"] = audit })); // leak TC1002 hashes
        }

        if (last is not null)
        {
            await checkpoints.SaveAsync(new Checkpoint(Job, batchId, last, processed, DateTimeOffset.UtcNow), cancellationToken);
            LogCheckpoint(logger, batchId, processed, last); // leak TC1001 direct
        }
    }

    public void Report() =>
        logger.LogWarning("Last duplicate card in this run: {CardNumber}", _lastDuplicateCard); // leak TC1001 cross-member

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Checkpoint {BatchId}: {Processed} accounts, last card {LastCard}")]
    private static partial void LogCheckpoint(ILogger logger, string batchId, long processed, string lastCard);
}
