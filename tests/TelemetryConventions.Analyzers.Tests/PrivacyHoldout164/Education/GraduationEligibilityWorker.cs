namespace PrivacyHoldout164.Education;

/// <summary>Nightly before the ceremonies: checks every graduand's fees and award and publishes the running order.</summary>
public sealed partial class GraduationEligibilityWorker(
    ICeremonies ceremonies,
    IStudentRecords records,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<GraduationEligibilityWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Campus.Graduation.Eligibility");
    private static readonly Meter Meter = new("Campus.Graduation.Eligibility");
    private static readonly Counter<long> Checked = Meter.CreateCounter<long>("graduation.eligibility.checked");
    private readonly Dictionary<string, decimal> _debtors = new();
    private int _ineligible;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var ceremonyId in new[] { "cer-2026-07-14-am", "cer-2026-07-14-pm" })
        {
            await CheckCeremonyAsync(ceremonyId, stoppingToken);
        }

        PublishSummary();
    }

    private async Task CheckCeremonyAsync(string ceremonyId, CancellationToken cancellationToken)
    {
        using var span = Source.StartAdmissionsOperation("fac-social-sciences");
        var ceremony = await ceremonies.CeremonyAsync(ceremonyId, cancellationToken);
        var order = await ceremonies.RunningOrderAsync(ceremonyId, cancellationToken);
        span.SetAdmissionsItemCount(order.Count); // clean generated-api
        LogCeremony(logger, ceremony); // clean logging-objects

        foreach (var graduand in order)
        {
            var fees = await records.FeesAsync(graduand.StudentNumber, cancellationToken);
            if (fees.Balance > 0 && !fees.OnPaymentPlan)
            {
                _debtors[graduand.StudentNumber] = fees.Balance;
                _ineligible++;
                var ex = new FeesOutstandingException(graduand.StudentNumber, fees.Balance);
                logger.LogWarning("Graduand blocked: {Reason}", ex.Message); // leak TC1001 exceptions
                LogBlocked(logger, ex, ceremonyId); // leak TC1001 exceptions
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                span.SetAdmissionsOutcome("fees-outstanding"); // clean generated-api
                continue;
            }

            Activity.Current?.AddEvent(new ActivityEvent("graduand.cleared", tags: new ActivityTagsCollection { ["award"] = graduand.Award, ["classification"] = graduand.Classification })); // clean precision-about
            logger.LogDebug("Cleared {Graduand}", graduand); // leak TC1001 logging-objects
            logger.LogDebug("Cleared {Student}", pseudonymizer.ComputeAdmissionsStudentId(graduand.StudentNumber)); // clean precision-pseudonym
            var bucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(graduand.StudentNumber))[0] % 16;
            Checked.Add(1, new KeyValuePair<string, object?>("ceremony", ceremonyId), new KeyValuePair<string, object?>("bucket", bucket)); // clean hashes
            var tag = BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes(graduand.StudentNumber))).Replace("-", "")[..12];
            Checked.Add(1, new KeyValuePair<string, object?>("graduand", tag)); // leak TC1003 hashes
        }
    }

    private void PublishSummary()
    {
        logger.LogInformation("Eligibility done: {Ineligible} blocked, {Owed} owed in total", _ineligible, _debtors.Values.Sum()); // clean cross-member
        logger.LogInformation("Blocked graduands: {Debtors}", _debtors.Keys); // leak TC1001 cross-member
        Activity.Current?.SetTag("graduation.largest_debt", _debtors.Count == 0 ? 0 : _debtors.Values.Max()); // clean cross-member
        Activity.Current?.SetTag("graduation.largest_debtor", _debtors.OrderByDescending(d => d.Value).Select(d => d.Key).FirstOrDefault()); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Checking {Ceremony}")]
    private static partial void LogCeremony(ILogger logger, Ceremony ceremony);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Graduand withheld from {CeremonyId}")]
    private static partial void LogBlocked(ILogger logger, Exception exception, string ceremonyId);
}
