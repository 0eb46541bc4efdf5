namespace PrivacyHoldout104.Education;

/// <summary>
/// SchoolHub's support agents, under a school's approval, open a student's record to fix a sync problem;
/// when a school leaves, its data is exported to the trust and purged.
/// </summary>
public sealed class StudentRecordSupportAccess(
    ISupportAccessStore grants,
    ITenantExporter exporter,
    ITenantPurger purger,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<StudentRecordSupportAccess> logger)
{
    private static readonly ActivitySource Source = new("SchoolHub.Support");

    public async Task OpenStudentAsync(string schoolId, string agentEmail, string ticketId, string studentNumber)
    {
        using var span = Source.StartSchoolhubTenantAdmin(schoolId);
        var grant = await grants.ActiveGrantAsync(schoolId, agentEmail);
        if (grant is null)
        {
            logger.LogSchoolhubTenantDeniedEvent(schoolId, "no_grant", schoolhubNote: $"agent {agentEmail} on {ticketId}"); // leak TC1001 generated-api
            logger.LogSchoolhubTenantDeniedEvent(schoolId, "no_grant", pseudonymizer.PseudonymizeSchoolhubUserId(agentEmail), $"ticket {ticketId}"); // clean precision-pseudonym
            return;
        }

        try
        {
            if (!grant.Scope.Contains("students:read", StringComparison.Ordinal))
            {
                throw new SupportScopeException(grant.Scope, "students:read");
            }
        }
        catch (SupportScopeException scope)
        {
            span.SetStatus(ActivityStatusCode.Error, scope.Message); // clean exceptions
            return;
        }

        span.SetSchoolhubSupportGrantId(grant.GrantId).SetSchoolhubStudentId(pseudonymizer.PseudonymizeSchoolhubStudentId(studentNumber)); // clean generated-api
        span.Activity?.AddEvent(new ActivityEvent("support.record.opened", tags: new ActivityTagsCollection { ["ticket"] = ticketId, ["student"] = studentNumber })); // leak TC1001 direct
        span.Activity?.SetTag("schoolhub.support.approver", grant.ApprovedByEmail); // leak TC1001 cross-member
        span.Activity?.SetTag("schoolhub.support.approved", grant.ApprovedByEmail is not null); // clean precision-about
        var bucket = BitConverter.ToUInt32(MD5.HashData(Encoding.UTF8.GetBytes(studentNumber))) % 16;
        span.Activity?.SetTag("schoolhub.student.bucket", bucket); // leak TC1002 hashes
        var shard = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studentNumber))) % 16;
        span.Activity?.SetTag("schoolhub.student.shard", shard); // clean hashes
        Baggage.SetBaggage("schoolhub.support.grant", grant.GrantId); // clean precision-names
    }

    public async Task OffboardSchoolAsync(OffboardingRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartSchoolhubTenantAdmin(request.TenantId, "schoolhub.school.offboard");
        logger.LogInformation("School {SchoolId} leaving: request {RequestId}, reason {Reason}", request.TenantId, request.RequestId, request.Reason); // clean precision-names
        span.Activity?.SetTag("schoolhub.offboarding.requested_by", pseudonymizer.ComputeSchoolhubUserId(request.RequestedByEmail)); // clean precision-pseudonym
        var export = await exporter.ExportAsync(request.TenantId, cancellationToken);
        span.Activity?.SetTag("schoolhub.export.path", export.BlobPath); // clean precision-names
        try
        {
            await purger.PurgeAsync(request.TenantId, cancellationToken);
        }
        catch (Exception ex)
        {
            var failed = new PurgeStepFailedException("student-records", request.TenantId, ex);
            span.RecordException(failed, includeMessage: true); // clean exceptions
            logger.LogError("Purge failed for {SchoolId}, requested by {RequestedBy}", request.TenantId, request.RequestedByEmail); // leak TC1001 cross-member
        }
    }
}
