namespace PrivacyHoldout127.Healthcare;

/// <summary>A completion of a statutory or mandatory e-learning module, as the e-learning hub publishes it.</summary>
public sealed record ModuleCompletion(string AssignmentNumber, string StaffEmail, string ModuleCode, string Ward, double ScaledScore, DateTimeOffset CompletedAt);

/// <summary>Records the e-learning hub's completions against the trust's mandatory requirements.</summary>
public sealed partial class MandatoryTrainingCompletionConsumer(
    IQueueReceiver<ModuleCompletion> receiver,
    IComplianceStore store,
    Pseudonymizer pseudonymizer,
    ILogger<MandatoryTrainingCompletionConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.StaffTraining");
    private static readonly Meter Meter = new("Trust.StaffTraining");
    private static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("stafftrain.completions.duplicate");
    private readonly StafftrainCompletionsCounter _completions = Meter.CreateStafftrainCompletionsCounter();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var completion = await receiver.ReceiveAsync(stoppingToken);
            if (completion is null)
            {
                continue;
            }
            await RecordAsync(completion, stoppingToken);
        }
    }

    private async Task RecordAsync(ModuleCompletion completion, CancellationToken ct)
    {
        var staff = pseudonymizer.PseudonymizeStafftrainStaffId(completion.AssignmentNumber);
        using var span = Source.StartStafftrainRecord(completion.ModuleCode)
            .SetStafftrainWard(completion.Ward) // clean precision-names
            .SetStafftrainStaffId(staff) // clean precision-pseudonym
            .SetStafftrainScore(completion.ScaledScore); // clean precision-about
        span.Activity?.SetTag("stafftrain.assignment_number", completion.AssignmentNumber); // leak TC1001 direct
        span.Activity?.SetTag("stafftrain.email_domain", completion.StaffEmail.Split('@')[^1]); // clean precision-about
        span.Activity?.SetTag("stafftrain.completion.key", $"{completion.AssignmentNumber}:{completion.ModuleCode}"); // leak TC1001 strings
        span.Activity?.SetTag("stafftrain.completion.day", $"{completion.ModuleCode}:{completion.CompletedAt:yyyy-MM-dd}"); // clean strings
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Module"] = completion.ModuleCode, ["Staff"] = completion.StaffEmail }); // leak TC1001 logging-objects

        try
        {
            await store.RecordCompletionAsync(completion.AssignmentNumber, completion.ModuleCode, DateOnly.FromDateTime(completion.CompletedAt.UtcDateTime), ct);
            _completions.Add(1, completion.ModuleCode, "completed"); // clean precision-names
            LogRecorded(logger, completion.ModuleCode, completion.Ward, completion.ScaledScore); // clean precision-about
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("duplicate", StringComparison.Ordinal))
        {
            Duplicates.Add(1, new KeyValuePair<string, object?>("stafftrain.staff", staff.Value)); // leak TC1003 precision-pseudonym
            logger.LogInformation("Completion of {Module} already recorded for {Staff}", completion.ModuleCode, staff); // clean precision-pseudonym
        }
        catch (Exception ex)
        {
            logger.LogStafftrainRecordFailedEvent(completion.ModuleCode, "failed", staff, ex.GetType().Name); // clean generated-api
            logger.LogError(ex, "Could not record {Completion}", completion); // leak TC1001 logging-objects
            span.SetStatus(ActivityStatusCode.Error, $"not recorded for {completion.StaffEmail}"); // leak TC1001 strings
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded {ModuleCode} on {Ward} with score {Score}")]
    private static partial void LogRecorded(ILogger logger, string moduleCode, string ward, double score);
}
