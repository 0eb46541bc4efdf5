namespace PrivacyHoldout174.Healthcare;

/// <summary>Reads prompt outcomes the carers' phones send after each visit and files them on the eMAR.</summary>
public sealed class MedicationPromptWorker(
    ILogger<MedicationPromptWorker> logger,
    IQueueReceiver<PromptOutcome> outcomes,
    IClientStore clients,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.MedicationPrompts");
    private static readonly Meter Meter = new("Trust.MedicationPrompts");
    private static readonly Counter<long> Refusals = Meter.CreateCounter<long>("emar.refusals");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var outcome = await outcomes.ReceiveAsync(stoppingToken);
            if (outcome is null)
            {
                continue;
            }
            await FileAsync(outcome, stoppingToken);
        }
    }

    private async Task FileAsync(PromptOutcome outcome, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("emar.file");
        activity?.SetTag("emar.prompt_id", outcome.PromptId); // clean precision-about
        activity?.SetTag("emar.outcome_code", outcome.OutcomeCode); // clean precision-about
        activity?.SetTag("emar.client", ClientTag(outcome)); // leak TC1001 cross-member
        activity?.SetTag("emar.note_length", outcome.CarerNote?.Length ?? 0); // clean precision-about

        if (outcome.CarerNote is { } note)
        {
            logger.LogInformation("Carer note on prompt {PromptId}: {Note}", outcome.PromptId, note); // leak TC1001 direct
        }

        var bucket = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(outcome.ClientId)), 0) % 64;
        activity?.SetTag("emar.client_bucket", bucket); // leak TC1002 hashes

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var shard = hmac.ComputeHash(Encoding.UTF8.GetBytes(outcome.ClientId))[0] % 16;
        activity?.SetTag("emar.client_shard", shard); // clean hashes

        if (outcome.OutcomeCode == "REFUSED")
        {
            var client = await clients.FindAsync(outcome.ClientId, cancellationToken);
            var refused = new MedicationRefusedException(client?.FullName ?? "unknown", outcome.PromptId);
            activity?.SetStatus(ActivityStatusCode.Error, refused.Message); // leak TC1001 exceptions
            logger.LogWarning("Medication refused on prompt {PromptId}", outcome.PromptId); // clean precision-about
            Refusals.Add(1, new KeyValuePair<string, object?>("outcome", outcome.OutcomeCode)); // clean precision-about
            Refusals.Add(1, new KeyValuePair<string, object?>("client_id", outcome.ClientId)); // leak TC1003 direct
        }

        try
        {
            await Task.Yield();
        }
        catch (EmarUnavailableException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogError(ex, "eMAR unavailable for prompt {PromptId}", outcome.PromptId); // clean exceptions
        }

        var pseudonym = pseudonymizer.PseudonymizeDischargecareClientId(outcome.ClientId);
        logger.LogInformation("Prompt filed for client {Client}", pseudonym); // clean precision-pseudonym
    }

    private static string ClientTag(PromptOutcome outcome) => outcome.ClientId;
}
