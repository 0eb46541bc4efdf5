namespace PrivacyHoldout83.Healthcare;

/// <summary>
/// Call-back requests left on the helpline's IVR, the date-of-birth check the call handler makes
/// before discussing results, and the SLA timer on call-backs.
/// </summary>
public sealed class HelplineCallbacks(
    IdentityVerifier verifier,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<HelplineCallbacks> logger)
{
    private readonly ConcurrentQueue<CallbackRequest> _pending = new();
    private readonly UpDownCounter<int> _waiting = meter.CreateUpDownCounter<int>("carehelp.callbacks.waiting");

    public void Enqueue(CallbackRequest request)
    {
        _pending.Enqueue(request);
        _waiting.Add(1, new KeyValuePair<string, object?>("queue", request.Queue)); // clean precision-about
        logger.LogInformation("Call-back {RequestId} queued for {Queue}, window from {WindowStart:t}", request.RequestId, request.Queue, request.WindowStart); // clean precision-about
        logger.LogDebug("Call-back request {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation($"Call-back queued for {request.Name}"); // leak TC1001 strings
        var patientsWaiting = _pending.Count;
        Activity.Current?.SetTag("carehelp.callbacks.patients_waiting", patientsWaiting); // clean precision-names
        Activity.Current?.SetTag("carehelp.callback.number", Masking.LastFour(request.PhoneNumber)); // clean precision-about
        Activity.Current?.SetTag("carehelp.callback.reason", request.Reason); // leak TC1001 direct
    }

    public bool VerifyCaller(string callbackId, string hospitalNumber, DateOnly statedDateOfBirth)
    {
        using var span = source.StartCarehelpChat(callbackId); // clean precision-about
        var result = verifier.CheckDateOfBirth(hospitalNumber, statedDateOfBirth);
        span.SetCarehelpVerificationPassed(result.Passed); // clean precision-about
        logger.LogInformation("Verification for {CallbackId}: {Method} passed={Passed}, {AttemptsLeft} attempts left", callbackId, result.Method, result.Passed, result.AttemptsLeft); // clean precision-about
        if (!result.Passed)
        {
            logger.LogWarning("DOB mismatch for {HospitalNumber}: caller said {Stated}", hospitalNumber, statedDateOfBirth); // leak TC1001 direct
            span.SetStatus(ActivityStatusCode.Error, "date of birth did not match");
        }

        var bucket = ShardOf.Bucket(secrets.ShardKey, hospitalNumber, 16);
        Activity.Current?.SetTag("carehelp.verify.bucket", bucket); // clean hashes
        var legacyKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(hospitalNumber)));
        Activity.Current?.SetTag("carehelp.verify.key", legacyKey); // leak TC1002 hashes
        return result.Passed;
    }

    public void CheckTimers(DateTimeOffset now, SlaPolicy policy)
    {
        foreach (var request in _pending)
        {
            var overdue = now - request.WindowStart - policy.FirstReply;
            if (overdue <= TimeSpan.Zero)
            {
                continue;
            }

            var breach = new SlaBreach(0, policy.Name, "callback", overdue, "high", request.Queue);
            logger.LogWarning("SLA breach {Breach}", breach); // clean logging-objects
            logger.LogCarehelpSlaBreachedEvent(request.RequestId, policy.Name, carehelpPriority: "high", carehelpNote: $"{request.Name} waiting {overdue.TotalMinutes:F0} min"); // leak TC1001 generated-api
            meter.CreateCarehelpFirstReplyDurationHistogram().Record((now - request.WindowStart).TotalSeconds, request.Queue, carehelpSlaPolicy: policy.Name); // clean precision-about
            meter.CreateCounter<long>("carehelp.callbacks.overdue").Add(1, new KeyValuePair<string, object?>("phone", request.PhoneNumber)); // leak TC1003 direct
        }
    }
}
