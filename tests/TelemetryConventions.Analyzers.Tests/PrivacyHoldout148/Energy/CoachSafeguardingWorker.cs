namespace PrivacyHoldout148.Energy;

/// <summary>Re-checks coaches' DBS certificates with the safeguarding register before each season.</summary>
public sealed partial class CoachSafeguardingWorker(
    IQueueReceiver<CoachCheck> queue,
    ISafeguardingRegister register,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    LeagueOptions options,
    Meter meter,
    ILogger<CoachSafeguardingWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("PowerCo.CommunityLeague.Safeguarding");
    private readonly Counter<long> _checks = meter.CreateCounter<long>("league.safeguarding.checks");
    private readonly ConcurrentDictionary<string, string> _suspendedCoaches = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var check = await queue.ReceiveAsync(stoppingToken);
            if (check is null)
            {
                continue;
            }

            using var span = Source.StartCommunityleagueOperation("all");
            var yearsOld = DateTime.UtcNow.Year - check.IssuedOn.Year;
            span.SetCommunityleagueNote($"Certificate issued {yearsOld} years ago, status {check.Status}"); // clean generated-api
            Activity.Current?.SetTag("safeguarding.coach", pseudonymizer.Pseudonymize("league_coach", check.CoachId)); // clean precision-pseudonym
            Activity.Current?.SetTag("safeguarding.certificate", check.DbsCertificateNumber); // leak TC1001 direct
            Activity.Current?.SetTag("safeguarding.certificate.length", check.DbsCertificateNumber.Length); // clean precision-about

            try
            {
                var status = await register.VerifyCertificateAsync(check.DbsCertificateNumber, stoppingToken);
                if (status != "clear")
                {
                    throw new DbsCheckFailedException(check.DbsCertificateNumber, status);
                }
                _checks.Add(1, new KeyValuePair<string, object?>("status", status), new KeyValuePair<string, object?>("renewal_due", yearsOld >= options.DbsRenewalYears)); // clean precision-about
                LogCleared(logger, check.CoachName, check.Status); // clean logging-objects
            }
            catch (DbsCheckFailedException ex)
            {
                _suspendedCoaches[check.CoachId] = check.CoachName;
                span.SetCommunityleagueOutcome(ex.Message); // leak TC1001 generated-api
                Activity.Current?.SetTag("exception.type", ex.GetType().FullName); // clean exceptions
                logger.LogError("Safeguarding check failed: {Reason}", ex.Message); // leak TC1001 exceptions
                LogSuspended(logger, check.CoachName); // leak TC1001 logging-objects
                var tag = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(check.CoachId)));
                Activity.Current?.SetTag("safeguarding.coach_hash", tag); // leak TC1002 hashes
            }

            var lane = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(check.CoachId)))[..6];
            Activity.Current?.SetTag("safeguarding.lane", lane); // clean hashes
        }
    }

    public void PublishSuspensions()
    {
        logger.LogWarning("{Count} coaches suspended pending checks", _suspendedCoaches.Count); // clean cross-member
        foreach (var name in _suspendedCoaches.Values)
        {
            Activity.Current?.AddEvent(new ActivityEvent("safeguarding.suspended", tags: new ActivityTagsCollection { ["coach.name"] = name })); // leak TC1001 cross-member
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Coach {CoachName} cleared ({Status})")]
    private static partial void LogCleared(ILogger logger, [PrivateData] string coachName, string status);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Coach {CoachName} suspended")]
    private static partial void LogSuspended(ILogger logger, string coachName);
}
