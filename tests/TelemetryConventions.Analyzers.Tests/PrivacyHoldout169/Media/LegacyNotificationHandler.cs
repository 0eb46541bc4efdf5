namespace PrivacyHoldout169.Media;

/// <summary>Opens a case when an executor tells the appeal's charity that a supporter left it a gift in their will.</summary>
public sealed class LegacyNotificationHandler(
    ILegacyCaseStore cases,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    FundraisingOptions options,
    ILogger<LegacyNotificationHandler> logger)
{
    private static readonly ActivitySource Source = new("AppealTv.Legacies");
    private static readonly Meter Meter = new("AppealTv.Legacies");
    private static readonly Counter<long> Notifications = Meter.CreateCounter<long>("appealtv.legacy.notifications");

    private Executor? _lastExecutor;

    public async Task HandleAsync(LegacyNotification notification, CancellationToken cancellationToken)
    {
        using var operation = Source.StartAppealtvOperation("uk").SetAppealtvAppeal("legacies"); // clean generated-api
        var activity = operation.Activity;
        activity?.SetTag("legacy.case", notification.CaseId); // clean direct
        activity?.SetTag("legacy.type", notification.LegacyType); // clean precision-names
        activity?.SetTag("legacy.estimated_value", (double)notification.EstimatedValue); // clean direct
        activity?.SetTag("legacy.deceased", notification.DeceasedName); // leak TC1001 direct
        activity?.SetTag("legacy.executor_role", notification.Executor.Role); // clean precision-about
        Notifications.Add(1, new KeyValuePair<string, object?>("legacy_type", notification.LegacyType)); // clean precision-names
        logger.LogInformation("Legacy notified by {Executor}", notification.Executor); // leak TC1001 logging-objects
        logger.LogInformation("Executor reachable on {Phone} / {Email}", notification.Executor.Phone, notification.Executor.Email); // leak TC1001 direct
        _lastExecutor = notification.Executor;

        try
        {
            var summary = await cases.OpenAsync(notification, cancellationToken);
            logger.LogInformation("Case opened {@Summary}, review in {Days} days", summary, options.LegacyReviewDays); // clean logging-objects
        }
        catch (EstateDisputeException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogAppealtvOperationFailedEvent("uk", "disputed", default, ex.GetType().Name); // clean exceptions
            return;
        }
        catch (ProbateNotGrantedException ex)
        {
            logger.LogInformation(ex, "Waiting for probate"); // clean exceptions
            return;
        }

        var executorRef = pseudonymizer.PseudonymizeAppealtvDonorId(notification.Executor.ExecutorId);
        logger.LogDebug("Executor ref {ExecutorRef}", executorRef); // clean precision-pseudonym
        var estateShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(notification.DeceasedName))[0] % 32;
        activity?.SetTag("legacy.estate_shard", estateShard); // clean hashes
        var estateKey = BitConverter.ToString(SHA1.HashData(Encoding.UTF8.GetBytes(notification.DeceasedName)));
        logger.LogDebug("Estate key {EstateKey}", estateKey); // leak TC1002 hashes
    }

    public void ChaseExecutor(string caseId)
    {
        using var activity = Source.StartActivity("legacy.chase");
        activity?.SetTag("legacy.case", caseId); // clean cross-member
        activity?.SetTag("legacy.executor_email", _lastExecutor?.Email); // leak TC1001 cross-member
        activity?.SetTag("legacy.executor_email_given", _lastExecutor?.Email is { Length: > 0 }); // clean cross-member
    }
}
