namespace PrivacyHoldout113.Healthcare;

/// <summary>Fulfils patients' subject access requests: verifies the requester, collects their records and mails the package link.</summary>
public sealed class PatientSubjectAccessService(
    ISubjectDataCollector collector,
    IRequesterMailer mailer,
    IAuditDataProvider audit,
    ILogger<PatientSubjectAccessService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly HcauditRequestDurationHistogram _duration = meter.CreateHcauditRequestDurationHistogram();

    public async Task<SubjectDataPackage?> FulfilAsync(SubjectRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartHcauditRequest(request.RequestId.ToString(), "access");
        span.SetHcauditSubjectId(pseudonymizer.PseudonymizeHcauditSubjectId(request.SubjectKey)); // clean generated-api
        span.Activity?.SetTag("hcaudit.request.channel", request.Channel); // clean precision-names
        span.Activity?.SetTag("hcaudit.request.days_left", (request.DueBy - DateTimeOffset.UtcNow).TotalDays); // clean precision-about
        span.Activity?.SetTag(HcauditAttributes.SubjectContact, request.ContactEmail); // leak TC1001 generated-api

        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["RequestId"] = request.RequestId, ["Kind"] = request.Kind }); // clean precision-names
        logger.LogInformation("Subject access request {@Request} started", request); // leak TC1001 logging-objects
        logger.LogInformation("Subject access request for {Domain} requester", request.ContactEmail.Split('@')[1]); // clean precision-about

        try
        {
            var package = await collector.CollectAsync(request, cancellationToken);
            logger.LogInformation("Package {Package} ready", package); // clean logging-objects
            await mailer.SendAsync(request.ContactEmail, "sar-ready", new Dictionary<string, string> { ["package"] = package.PackageId }, cancellationToken);
            span.SetHcauditFieldCount(package.Files);
            span.SetHcauditOutcome("fulfilled");

            var auditEvent = new AuditEvent { EventType = "sar.fulfilled" };
            auditEvent.CustomFields["hospitalNumber"] = request.SubjectKey;
            auditEvent.CustomFields["requestId"] = request.RequestId;
            await audit.InsertEventAsync(auditEvent, cancellationToken);
            logger.LogDebug("Audit event {EventType} written with fields {Fields}", auditEvent.EventType, string.Join(",", auditEvent.CustomFields.Keys)); // clean strings
            logger.LogTrace("Audit event body {Json}", auditEvent.ToJson()); // leak TC1001 strings
            return package;
        }
        catch (SubjectNotFoundException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogHcauditComplianceFailedEvent("access", "not-found", pseudonymizer.PseudonymizeHcauditSubjectId(request.SubjectKey), ex.System); // clean generated-api
            return null;
        }
        catch (IdentityVerificationException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Identity check {Check} failed", ex.Check); // clean exceptions
            return null;
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "access", request.Status.ToString()); // clean generated-api
        }
    }
}
