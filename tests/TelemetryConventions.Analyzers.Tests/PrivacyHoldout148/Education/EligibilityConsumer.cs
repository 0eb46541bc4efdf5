namespace PrivacyHoldout148.Education;

/// <summary>Consumes eligibility checks from the registry topic, keyed by student number, and flags ineligible athletes.</summary>
public sealed partial class EligibilityConsumer(
    IConsumer<string, EligibilityCheck> consumer,
    Pseudonymizer pseudonymizer,
    LeagueOptions options,
    Meter meter,
    ILogger<EligibilityConsumer> logger) : BackgroundService
{
    private readonly Counter<long> _checked = meter.CreateCounter<long>("varsity.eligibility.checked");
    private readonly HashSet<string> _ineligible = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var check = result.Message.Value;
            var activity = Activity.Current;
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about

            var eligible = check.InGoodStanding && check.CreditsEnrolled >= options.MinCreditsForEligibility;
            _checked.Add(1, new KeyValuePair<string, object?>("eligible", eligible)); // clean precision-about
            _checked.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.PseudonymizeVarsityStudentId(check.StudentNumber).Value)); // leak TC1003 precision-pseudonym
            if (!eligible)
            {
                _ineligible.Add(check.StudentNumber);
                LogIneligible(logger, check.StudentNumber, check.CreditsEnrolled); // clean logging-objects
                LogIneligibleForCoach(logger, check.StudentNumber); // leak TC1001 logging-objects
                activity?.AddEvent(new ActivityEvent("varsity.ineligible", tags: new ActivityTagsCollection { ["credits"] = check.CreditsEnrolled })); // clean precision-about
                activity?.AddBaggage("varsity.student", pseudonymizer.ComputeVarsityStudentId(check.StudentNumber)); // clean precision-pseudonym
            }

            logger.LogDebug("Check {Check}", check); // leak TC1001 logging-objects
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }

    public void Summarise()
    {
        logger.LogInformation("{Count} students ineligible", _ineligible.Count); // clean cross-member
        logger.LogInformation("Ineligible: {Students}", _ineligible); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Student {StudentNumber} ineligible with {Credits} credits")]
    private static partial void LogIneligible(ILogger logger, [PrivateData] string studentNumber, int credits);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Tell the coach: {StudentNumber} cannot play")]
    private static partial void LogIneligibleForCoach(ILogger logger, string studentNumber);
}
