namespace PrivacyHoldout188.Energy;

/// <summary>
/// Hearing tests from the generating station's audiometry booths. The booths publish to a topic keyed by
/// the worker's employee number, so every test of one worker lands on one partition.
/// </summary>
public sealed partial class AudiometryConsumer(
    IConsumer<string, AudiometryResult> consumer,
    ISurveillanceRecords records,
    IHrRecords hr,
    Pseudonymizer pseudonymizer,
    ILogger<AudiometryConsumer> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Genco.Surveillance.Hearing");
    private static readonly Counter<long> Tests = new Meter("Genco.Surveillance").CreateCounter<long>("audiometry.tests");

    private AudiometryResult? _current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("audiometry.consume");
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            _current = result.Message.Value;
            await HandleAsync(activity, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(Activity? activity, CancellationToken cancellationToken)
    {
        var test = _current!;
        activity?.SetTag("audiometry.test_id", test.TestId); // clean precision-names
        activity?.SetTag("audiometry.booth", test.BoothId); // clean precision-names
        activity?.SetTag("audiometry.category", test.Category); // clean precision-about
        activity?.SetTag("audiometry.worst_loss_db", Math.Max(test.LeftLossDb, test.RightLossDb)); // clean precision-about
        activity?.SetTag("audiometry.worker", CurrentWorker()); // leak TC1001 cross-member
        activity?.SetTag("audiometry.worker_known", CurrentWorker().Length > 0); // clean precision-about

        var worker = await hr.FindEmployeeAsync(test.EmployeeNumber, cancellationToken);
        if (worker is null)
        {
            var missing = new EmployeeNotFoundException(test.EmployeeNumber);
            activity?.SetStatus(ActivityStatusCode.Error, missing.Message); // leak TC1001 exceptions
            logger.LogWarning("Hearing test {TestId} for an unknown worker", test.TestId); // clean precision-names
            return;
        }

        try
        {
            await records.SaveAudiometryAsync(test, cancellationToken);
        }
        catch (SurveillanceDeviceOfflineException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogError(ex, "Records store offline for test {TestId}", test.TestId); // clean exceptions
            throw;
        }

        logger.LogInformation("Hearing test {Result}", test); // leak TC1001 logging-objects
        logger.LogInformation("Hearing test {@Result}", test with { EmployeeNumber = "" }); // clean logging-objects
        logger.LogInformation("Hearing test of {Worker} born {DateOfBirth}", worker.FullName, worker.DateOfBirth); // leak TC1001 direct
        HearingReferred(logger, test.TestId, test.Category, worker.NiNumber); // leak TC1001 logging-objects
        HearingTested(logger, test.TestId, worker.NiNumber); // clean logging-objects

        Tests.Add(1, new KeyValuePair<string, object?>("category", test.Category), new KeyValuePair<string, object?>("booth", test.BoothId)); // clean precision-about
        Tests.Add(1, new KeyValuePair<string, object?>("worker", pseudonymizer.PseudonymizePlantcheckClientId(worker.EmployeeNumber).Value)); // leak TC1003 precision-pseudonym
        Tests.Add(1, new KeyValuePair<string, object?>("ni", worker.NiNumber)); // leak TC1003 direct

        using var span = Source.StartPlantcheckOperation(worker.SiteCode); // clean generated-api
        span.SetPlantcheckCaseType("audiometry"); // clean generated-api
        span.SetPlantcheckClientId(pseudonymizer.PseudonymizePlantcheckClientId(worker.EmployeeNumber)); // clean generated-api
        span.SetPlantcheckNote($"category {test.Category} at booth {test.BoothId}"); // clean generated-api
        if (test.Category is "H3" or "H4")
        {
            span.SetPlantcheckOutcome("referred"); // clean generated-api
            span.SetPlantcheckNote($"{worker.FullName} referred to OH physician"); // leak TC1001 generated-api
            logger.LogPlantcheckOperationFailedEvent(worker.SiteCode, "referred", plantcheckNote: worker.WorkEmail); // leak TC1001 generated-api
        }

        meter.CreatePlantcheckOperationDurationHistogram().Record(1.5, plantcheckSite: worker.SiteCode); // clean generated-api
    }

    private string CurrentWorker() => _current?.EmployeeNumber ?? string.Empty;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hearing test {TestId} category {Category} referred for {NiNumber}")]
    private static partial void HearingReferred(ILogger logger, string testId, string category, string niNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hearing test {TestId} stored for {NiNumber}")]
    private static partial void HearingTested(ILogger logger, string testId, [PrivateData] string niNumber);
}
