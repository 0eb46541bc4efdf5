namespace PrivacyHoldout179.Healthcare;

/// <summary>Contractors signing in to estates jobs on hospital sites; the topic is keyed by contractor id.</summary>
public sealed partial class ContractorSiteConsumer(
    IConsumer<string, ContractorInduction> consumer,
    ILogger<ContractorSiteConsumer> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Estates.Contractors");
    private readonly Histogram<double> _inductionScores = meter.CreateHistogram<double>("estates.induction.score");
    private readonly WardvisitOperationDurationHistogram _duration = meter.CreateWardvisitOperationDurationHistogram();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            var induction = result.Message.Value;
            using var activity = Source.StartActivity("estates.contractor.consume");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("estates.contractor.employer", induction.Employer); // clean precision-names
            activity?.SetTag("estates.contractor.course", induction.CourseCode); // clean precision-names
            activity?.SetTag("estates.contractor.card_last4", induction.CscsCard[^4..]); // clean precision-about
            activity?.SetTag("estates.contractor.id", pseudonymizer.ComputeWardvisitVisitorId(induction.ContractorId)); // clean precision-pseudonym

            using (logger.BeginScope(new Dictionary<string, object> { ["ContractorName"] = induction.ContractorName, ["Course"] = induction.CourseCode })) // leak TC1001 direct
            {
                LogInducted(logger, induction.ContractorName, induction.Score); // clean precision-names
                LogInductedPlain(logger, induction.ContractorName, induction.CourseCode); // leak TC1001 direct
            }

            _inductionScores.Record(induction.Score, new KeyValuePair<string, object?>("course", induction.CourseCode)); // clean precision-about
            _inductionScores.Record(induction.Score, new KeyValuePair<string, object?>("contractor", pseudonymizer.ComputeWardvisitVisitorId(induction.ContractorId))); // leak TC1003 precision-pseudonym

            if (induction.Score < 80)
            {
                var failed = new InductionExpiredException(induction.CscsCard);
                logger.LogWardvisitOperationFailedEvent("estates", "induction_failed", pseudonymizer.PseudonymizeWardvisitVisitorId(induction.ContractorId), $"Score {induction.Score} on {induction.CourseCode}"); // clean generated-api
                logger.LogWardvisitOperationFailedEvent("estates", "induction_failed", null, failed.Message); // leak TC1001 generated-api
                activity?.SetStatus(ActivityStatusCode.Error, failed.Message); // leak TC1001 exceptions
                logger.LogWarning("Induction failed: {Error}", failed.GetType().Name); // clean exceptions
            }

            var digest = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(induction.CscsCard)));
            logger.LogDebug("Card digest {Digest}", digest); // leak TC1002 hashes
            var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(induction.ContractorId))[0] % 8;
            logger.LogDebug("Contractor cohort {Cohort}", cohort); // clean hashes

            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "estates"); // clean generated-api
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "{ContractorName} passed the induction with {Score}")]
    private static partial void LogInducted(ILogger logger, [PrivateData] string contractorName, int score);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "{ContractorName} inducted on {Course}")]
    private static partial void LogInductedPlain(ILogger logger, string contractorName, string course);
}
