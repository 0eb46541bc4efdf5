namespace PrivacyHoldout113.Transport;

public sealed record FootageRequest(Guid RequestId, string CameraId, string Depot, DateTimeOffset From, DateTimeOffset To, string OperatorStaffNumber, string? PlateSearched, string Reason);

/// <summary>Logs every search and download of bus-lane ANPR and on-board CCTV footage, as the surveillance camera code asks.</summary>
public sealed class AnprFootageAccessLog(
    IAuditDataProvider audit,
    ILogger<AnprFootageAccessLog> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private readonly Counter<long> _searches = meter.CreateCounter<long>("traudit.footage.searches");

    public async Task RecordAsync(FootageRequest request, int framesReturned, CancellationToken cancellationToken)
    {
        using var span = source.StartTrauditAuditWrite("footage", request.PlateSearched is null ? "download" : "plate-search");
        span.SetTrauditActorId(pseudonymizer.PseudonymizeTrauditActorId(request.OperatorStaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("traudit.camera", request.CameraId); // clean precision-names
        span.Activity?.SetTag("traudit.depot", request.Depot); // clean precision-names
        span.Activity?.SetTag("traudit.frames", framesReturned); // clean precision-about
        span.Activity?.SetTag("traudit.window.minutes", (request.To - request.From).TotalMinutes); // clean precision-about

        var auditEvent = new AuditEvent { EventType = "footage.access" };
        auditEvent.Environment.UserName = request.OperatorStaffNumber;
        auditEvent.CustomFields["request"] = request;
        await audit.InsertEventAsync(auditEvent, cancellationToken);

        if (request.PlateSearched is { } plate)
        {
            span.Activity?.SetTag("traudit.plate", plate); // leak TC1001 direct
            span.Activity?.SetTag("traudit.plate.length", plate.Length); // clean precision-about
            logger.LogInformation("Plate search by {Operator}: {Frames} frames", request.OperatorStaffNumber, framesReturned); // leak TC1001 direct
            var plateKey = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(plate.Replace(" ", "")))).ToLowerInvariant();
            span.SetTrauditNote($"plate key {plateKey}"); // leak TC1002 hashes
        }
        logger.LogInformation("Footage access {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Footage access {RequestId} on {Camera} for {Reason}", request.RequestId, request.CameraId, request.Reason); // clean precision-names
        _searches.Add(1, new KeyValuePair<string, object?>("traudit.depot", request.Depot), new KeyValuePair<string, object?>("traudit.kind", request.PlateSearched is null ? "download" : "plate")); // clean precision-names
        var bucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.OperatorStaffNumber))[0] % 8;
        _searches.Add(1, new KeyValuePair<string, object?>("traudit.operator.bucket", bucket)); // clean hashes
    }

    public void ExportFailed(FootageRequest request, Exception error)
    {
        Activity.Current?.AddException(error); // clean exceptions
        logger.LogTrauditComplianceFailedEvent("footage-export", "failed", trauditNote: error.GetType().Name); // clean exceptions
        logger.LogError("Footage export for plate {Plate} failed", request.PlateSearched); // leak TC1001 direct
    }
}
