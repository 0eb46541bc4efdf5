namespace PrivacyHoldout135.Education;

/// <summary>A visitor who signed in at reception.</summary>
public sealed record VisitorSignIn(string BadgeNumber, string VisitorName, string? CarRegistration, string Company, string Host, DateTimeOffset In);

/// <summary>Incidents at reception and the school gate: banned visitors, parents asking for CCTV, vehicles on the yard.</summary>
public sealed class VisitorIncidentService(IVideoManagementClient video, Pseudonymizer pseudonymizer, ILogger<VisitorIncidentService> logger)
{
    private static readonly ActivitySource Source = new("Trust.Reception.Incidents");
    private static readonly Meter Meter = new("Trust.Reception.Incidents");
    private static readonly Counter<long> Exclusions = Meter.CreateCounter<long>("reception.exclusions", "{notice}");
    private static readonly Counter<long> FootageRequests = Meter.CreateCounter<long>("reception.footage.requests", "{request}");

    public void RecordExclusion(ExclusionNotice notice, VisitorSignIn lastVisit)
    {
        using var span = Source.StartSchoolsafeReport(notice.NoticeId);
        span.SetSchoolsafeCategory("visitor-exclusion"); // clean precision-names
        span.Activity?.SetTag("exclusion.until", notice.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean precision-about
        span.Activity?.SetTag("exclusion.reason", notice.Reason); // clean precision-names
        span.Activity?.SetTag("exclusion.subject", notice.SubjectName); // leak TC1001 cross-member
        span.Activity?.SetTag("visitor.badge", lastVisit.BadgeNumber); // clean precision-names
        span.Activity?.SetTag("visitor.company", lastVisit.Company); // clean precision-names
        span.Activity?.SetTag("visitor.vehicle", lastVisit.CarRegistration); // leak TC1001 cross-member
        span.Activity?.SetTag("visitor.vehicle.recorded", lastVisit.CarRegistration is not null); // clean precision-about
        logger.LogWarning("Exclusion notice issued: {@Notice}", notice); // leak TC1001 logging-objects
        Exclusions.Add(1, new KeyValuePair<string, object?>("reason", notice.Reason)); // clean precision-about
    }

    public async Task RequestFootageAsync(FootageRequest request, CancellationToken ct)
    {
        using var span = Source.StartSchoolsafeReport(request.RequestId);
        span.Activity?.SetTag("footage.camera", request.CameraId); // clean precision-names
        span.Activity?.SetTag("footage.window.minutes", (request.To - request.From).TotalMinutes); // clean precision-about
        span.Activity?.SetTag("footage.requester.kind", request.RequesterKind); // clean precision-names
        FootageRequests.Add(1, new KeyValuePair<string, object?>("requester", request.RequesterEmail)); // leak TC1003 direct
        try
        {
            var export = await video.ExportAsync(request, ct);
            span.Activity?.SetTag("footage.export.bytes", export.Bytes); // clean precision-about
            span.Activity?.SetTag("footage.export.redacted", export.Redacted); // clean precision-about
        }
        catch (SubjectAccessRefusedException ex)
        {
            span.Activity?.AddEvent(new ActivityEvent("footage.refused", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            span.Activity?.AddEvent(new ActivityEvent("footage.refused.reason", tags: new ActivityTagsCollection { ["reason"] = ex.Reason })); // clean exceptions
        }
        catch (FootageOverwrittenException ex)
        {
            logger.LogWarning(ex, "Footage for request {RequestId} no longer exists", request.RequestId); // clean exceptions
        }
    }
}
