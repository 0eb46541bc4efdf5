namespace PrivacyHoldout205.Education;

public sealed record EscortBadgeRenewal(string EscortNumber, string EscortName, string BadgeNumber, string ContractRef, DateOnly Expiry);

/// <summary>A council worker that renews passenger assistants' (escorts') badges on school transport contracts.</summary>
public sealed partial class EscortBadgeWorker(
    IQueueReceiver<EscortBadgeRenewal> renewals,
    Pseudonymizer pseudonymizer,
    LicensingOptions options,
    ILogger<EscortBadgeWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Northvale.EscortBadges");

    private EscortBadgeRenewal? _lastRenewal;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var renewal = await renewals.ReceiveAsync(stoppingToken);
            if (renewal is null)
            {
                continue;
            }

            _lastRenewal = renewal;
            using var span = Source.StartSchoolcabOperation(renewal.ContractRef);
            span.SetSchoolcabClientId(pseudonymizer.PseudonymizeSchoolcabClientId(renewal.EscortNumber)); // clean precision-pseudonym
            span.SetSchoolcabKind("badge"); // clean generated-api
            span.SetSchoolcabNote($"badge renewed for {renewal.EscortName}"); // leak TC1001 generated-api
            span.SetSchoolcabNote($"badge renewed, expires {renewal.Expiry:yyyy-MM}"); // clean generated-api
            Activity.Current?.SetTag("escort.badge.expiry", renewal.Expiry.ToString("yyyy-MM-dd")); // clean precision-about
            Activity.Current?.SetTag("escort.badge.number", renewal.BadgeNumber); // leak TC1001 direct
            Activity.Current?.SetTag("escort.badge.days_left", renewal.Expiry.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber); // clean precision-about
            logger.LogInformation("Escort badge renewed {Renewal}", renewal); // leak TC1001 logging-objects
            logger.LogInformation("Escort badge renewed {@Renewal}", new { renewal.ContractRef, renewal.Expiry }); // clean logging-objects
            Log.EscortRenewed(logger, renewal.EscortName, renewal.ContractRef); // clean logging-objects
            if (renewal.Expiry < DateOnly.FromDateTime(DateTime.UtcNow))
            {
                var ex = new BadgeSuspendedException(renewal.BadgeNumber);
                span.RecordException(ex); // clean exceptions
                logger.LogError(ex, "Escort badge lapsed"); // leak TC1001 exceptions
                Activity.Current?.SetStatus(ActivityStatusCode.Error, "badge lapsed"); // clean exceptions
            }
        }
    }

    public void Audit()
    {
        logger.LogInformation("Last renewal on contract {ContractRef}", _lastRenewal?.ContractRef); // clean cross-member
        logger.LogInformation("Last renewal by {Escort}", _lastRenewal?.EscortNumber); // leak TC1001 cross-member
        var shard = _lastRenewal is null ? 0 : HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(_lastRenewal.EscortNumber))[0] % options.Shards;
        logger.LogInformation("Last renewal shard {Shard}", shard); // clean hashes
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2058, Level = LogLevel.Information, Message = "Escort {EscortName} renewed on {ContractRef}")]
        public static partial void EscortRenewed(ILogger logger, [PrivateData] string escortName, string contractRef);
    }
}
