namespace PrivacyHoldout215.Transport;

/// <summary>Re-checks instructors' ADI badges and DBS certificates from the vetting topic (keyed by ADI number).</summary>
public sealed class InstructorVettingConsumer(
    IConsumer<string, DbsCheck> consumer,
    IMarketplaceStore store,
    TelemetrySecrets secrets,
    MarketplaceOptions options,
    ILogger<InstructorVettingConsumer> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout215.Transport.Vetting");

    private readonly Counter<long> _checks = meter.CreateCounter<long>("driving.vetting.checks");
    private string _lastCertificate = string.Empty;
    private int _expired;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var check = result.Message.Value;
            using var activity = Source.StartActivity("vetting.check", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination", result.Topic); // clean precision-names
            activity?.SetTag("messaging.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.partition", result.Partition); // clean precision-about
            activity?.SetTag("dbs.check_id", check.CheckId); // clean precision-names
            activity?.SetTag("dbs.certificate", check.CertificateNumber); // leak TC1001 direct
            activity?.SetTag("dbs.level", check.Level); // clean precision-about

            _lastCertificate = check.CertificateNumber;
            var tutor = await store.FindTutorAsync(check.TutorId, stoppingToken);
            var age = tutor is null ? -1 : DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - tutor.DbsIssued.DayNumber;
            activity?.SetTag("dbs.age_days", age); // clean precision-about
            if (age > options.DbsRenewalDays)
            {
                _expired++;
                logger.LogWarning("Instructor {InstructorId} DBS older than {Days} days", check.TutorId, options.DbsRenewalDays); // leak TC1001 direct
            }

            _checks.Add(1, new KeyValuePair<string, object?>("level", check.Level), new KeyValuePair<string, object?>("status", check.Status)); // clean precision-names
            var certHash = BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes(check.CertificateNumber)));
            _checks.Add(1, new KeyValuePair<string, object?>("certificate_hash", certHash)); // leak TC1003 hashes
            var certShard = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(check.CertificateNumber))[0] % 8;
            activity?.SetTag("dbs.shard", certShard); // clean hashes
            var combined = HashCode.Combine(check.TutorId, check.CertificateNumber);
            logger.LogDebug("Check fingerprint {Fingerprint}", combined); // leak TC1002 hashes

            if (check.Status == "barred")
            {
                var failure = new DbsCheckFailedException(check.CertificateNumber, check.Status);
                activity?.SetStatus(ActivityStatusCode.Error, failure.Message); // leak TC1001 exceptions
                logger.LogCritical(failure, "Instructor barred, lessons suspended"); // leak TC1001 exceptions
            }

            logger.LogInformation("Check {Check}", new { check.CheckId, check.Level, check.Status }); // clean logging-objects
            consumer.Commit(result);
        }
    }

    public void Summarise()
    {
        logger.LogInformation("Last certificate checked {Certificate}", _lastCertificate); // leak TC1001 cross-member
        logger.LogInformation("{Expired} instructors with an expired DBS", _expired); // clean cross-member
    }
}
