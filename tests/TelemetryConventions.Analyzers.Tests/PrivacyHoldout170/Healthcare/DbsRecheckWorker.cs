namespace PrivacyHoldout170.Healthcare;

/// <summary>Rechecks the DBS certificates of bank staff on the update service every night.</summary>
public sealed class DbsRecheckWorker(
    IQueueReceiver<DbsCheckRequest> queue,
    IDbsUpdateService updateService,
    ILogger<DbsRecheckWorker> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Workforce.DbsRecheck");
    private static readonly Meter Meter = new("Trust.Workforce.DbsRecheck");
    private readonly LocumhireChecksCounter _checks = Meter.CreateLocumhireChecksCounter();
    private readonly LocumhireCheckDurationHistogram _duration = Meter.CreateLocumhireCheckDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var request = await queue.ReceiveAsync(stoppingToken);
            if (request is null)
            {
                continue;
            }
            await RecheckAsync(request, stoppingToken);
        }
    }

    private async Task RecheckAsync(DbsCheckRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartLocumhireOperation("rwh")
            .SetLocumhireCandidateId(pseudonymizer.PseudonymizeLocumhireCandidateId(request.CandidateId)) // clean generated-api
            .SetLocumhireCheckType("dbs_enhanced"); // clean precision-about
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Certificate"] = request.CertificateNumber }); // leak TC1001 direct
        span.Activity?.SetTag("dbs.workforce", request.Workforce); // clean precision-about
        span.Activity?.SetTag("dbs.subject", string.Format(CultureInfo.InvariantCulture, "{0} {1:yyyy-MM-dd}", request.Surname, request.DateOfBirth)); // leak TC1001 strings
        span.Activity?.SetTag("dbs.shard", Shard(request.CertificateNumber)); // clean hashes
        span.Activity?.SetTag("dbs.cert_fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.CertificateNumber)))); // leak TC1002 hashes
        try
        {
            var result = await updateService.CheckAsync(request.CertificateNumber, request.Surname, request.DateOfBirth, cancellationToken);
            span.SetLocumhireOutcome(result.IsCurrent ? "current" : "changed"); // clean precision-about
            logger.LogInformation("Update service status {Status} checked at {CheckedAt}", result.StatusCode, result.CheckedAt); // clean precision-about
            logger.LogInformation("Recheck result {@Result}", result); // clean logging-objects
            _checks.Add(1, "rwh", result.StatusCode); // clean generated-api
        }
        catch (CertificateMismatchException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning(ex, "Certificate did not match for staff member"); // leak TC1001 exceptions
            logger.LogLocumhireOperationFailedEvent("rwh", "mismatch", pseudonymizer.PseudonymizeLocumhireCandidateId(request.CandidateId), $"surname {request.Surname} differs"); // leak TC1001 generated-api
        }
        catch (DbsServiceUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            _checks.Add(1, "rwh", "unavailable"); // clean generated-api
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "rwh"); // clean generated-api
        }
    }

    private string Shard(string certificateNumber)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(certificateNumber));
        return (mac[0] % 16).ToString(CultureInfo.InvariantCulture);
    }
}
