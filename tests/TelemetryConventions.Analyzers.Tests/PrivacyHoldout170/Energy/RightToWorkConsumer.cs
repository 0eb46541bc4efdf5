namespace PrivacyHoldout170.Energy;

/// <summary>Consumes right-to-work checks for agency engineers from a topic keyed by the engineer's number.</summary>
public sealed class RightToWorkConsumer(
    IConsumer<string, ShareCodeCheck> consumer,
    IHomeOfficeService homeOffice,
    ILogger<RightToWorkConsumer> logger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.FieldForce.RightToWork");
    private static readonly Meter Meter = new("Supplier.FieldForce.RightToWork");
    private ShareCodeCheck? _current;
    private static readonly Counter<long> Outcomes = Meter.CreateCounter<long>("rtw.outcomes");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            var engineerNumber = result.Message.Key;
            var check = result.Message.Value;
            using var activity = Source.StartActivity("rtw.check", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", engineerNumber); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            activity?.SetTag("engineer.id", pseudonymizer.PseudonymizeFieldvettingEngineerId(engineerNumber)); // clean precision-pseudonym
            _current = check;
            await CheckAsync(activity, engineerNumber, check, stoppingToken);
            ReportDone();
            consumer.Commit(result);
        }
    }

    private async Task CheckAsync(Activity? activity, string engineerNumber, ShareCodeCheck check, CancellationToken cancellationToken)
    {
        var followUpKey = $"{check.ShareCode}:{check.DateOfBirth:yyyyMMdd}";
        try
        {
            var outcome = await homeOffice.VerifyAsync(check.ShareCode, check.DateOfBirth, cancellationToken);
            activity?.SetTag("rtw.outcome", outcome.Outcome); // clean precision-about
            activity?.SetTag("rtw.nationality", outcome.Nationality); // clean precision-about
            activity?.SetTag("rtw.expires_month", outcome.PermissionExpires?.ToString("yyyy-MM", CultureInfo.InvariantCulture)); // clean precision-about
            Outcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome.Outcome)); // clean precision-about
            logger.LogInformation("Right to work checked {Check}", check); // leak TC1001 logging-objects
        }
        catch (ShareCodeRejectedException ex)
        {
            activity?.AddEvent(new ActivityEvent("rtw.rejected", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            logger.LogWarning("Share code rejected, follow up with {FollowUpKey}", followUpKey); // leak TC1001 strings
            Outcomes.Add(1, new KeyValuePair<string, object?>("engineer", engineerNumber)); // leak TC1003 direct
        }
        catch (HomeOfficeUnavailableException ex)
        {
            logger.LogWarning(ex, "Home Office unavailable, will retry"); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
    }

    private string CurrentShareCode => _current?.ShareCode ?? "";

    private void ReportDone()
    {
        logger.LogDebug("Finished check of share code {ShareCode}", CurrentShareCode); // leak TC1001 cross-member
        logger.LogDebug("Finished check, share code supplied {Supplied}", CurrentShareCode.Length > 0); // clean cross-member
        Activity.Current?.SetTag("rtw.checked_candidate", _current?.CandidateId); // leak TC1001 cross-member
    }
}
