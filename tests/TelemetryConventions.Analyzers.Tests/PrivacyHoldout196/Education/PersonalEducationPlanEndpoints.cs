namespace PrivacyHoldout196.Education;

/// <summary>A personal education plan (PEP) meeting for a looked-after child, as the virtual school records it.</summary>
public sealed record PepMeeting(string PepId, string ChildId, string Upn, string ChildName, string SchoolUrn, string DesignatedTeacherEmail, string Term, int AttendancePercent, string ChildsViews);

public sealed record PepTarget(string TargetId, string PepId, string Subject, string Description, decimal PupilPremiumPlus);

public sealed record PepQualityAudit(string PepId, string Rating, int TargetsSet, int TargetsMet);

public static class PersonalEducationPlanEndpoints
{
    private static readonly ActivitySource Source = new("Hearth.VirtualSchool");
    private static readonly Meter Meter = new("Hearth.VirtualSchool");
    private static readonly Counter<long> PepsCompleted = Meter.CreateCounter<long>("vs.peps.completed");
    private static readonly Histogram<int> Attendance = Meter.CreateHistogram<int>("vs.attendance.percent");

    public static EndpointRoutes MapPepEndpoints(this EndpointRoutes routes)
    {
        routes.MapPost("/virtual-school/peps", async (PepMeeting pep, IFosteringStore store, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<PepMeeting> logger, CancellationToken ct) =>
        {
            using var activity = Source.StartActivity("vs.pep.record");
            activity?.SetTag("vs.pep.id", pep.PepId); // clean precision-names
            activity?.SetTag("vs.school.urn", pep.SchoolUrn); // clean precision-names
            activity?.SetTag("vs.term", pep.Term); // clean precision-about
            activity?.SetTag("vs.child.upn", pep.Upn); // leak TC1001 direct
            activity?.SetTag("vs.child.name", pep.ChildName); // leak TC1001 direct
            activity?.SetTag("vs.designated_teacher", pep.DesignatedTeacherEmail); // leak TC1001 direct
            activity?.SetTag("vs.designated_teacher.domain", pep.DesignatedTeacherEmail[(pep.DesignatedTeacherEmail.IndexOf('@') + 1)..]); // clean precision-about
            activity?.SetTag("vs.childs_views.words", pep.ChildsViews.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
            activity?.SetTag("vs.child", pseudonymizer.ComputePepsyncChildId(pep.ChildId)); // clean precision-pseudonym

            Attendance.Record(pep.AttendancePercent, new KeyValuePair<string, object?>("term", pep.Term)); // clean precision-about
            PepsCompleted.Add(1, new KeyValuePair<string, object?>("school_urn", pep.SchoolUrn)); // clean precision-names
            PepsCompleted.Add(1, new KeyValuePair<string, object?>("upn", pep.Upn)); // leak TC1003 direct
            PepsCompleted.Add(1, new KeyValuePair<string, object?>("child", pseudonymizer.PseudonymizePepsyncChildId(pep.ChildId))); // leak TC1003 precision-pseudonym

            logger.LogInformation("PEP {PepId} recorded: {Pep}", pep.PepId, pep); // leak TC1001 logging-objects
            logger.LogInformation("PEP {PepId} recorded for {ChildName}, views: {Views}", pep.PepId, pep.ChildName, pep.ChildsViews); // leak TC1001 direct
            logger.LogInformation("PEP {@Pep}", new { pep.PepId, pep.SchoolUrn, pep.Term, pep.AttendancePercent }); // clean logging-objects
            logger.LogInformation("PEP {@Pep}", new { pep.PepId, pep.Upn }); // leak TC1001 logging-objects
            logger.LogInformation("PEP {@Pep}", pep with { ChildId = "-", Upn = "-", ChildName = "-", DesignatedTeacherEmail = "-", ChildsViews = "-" }); // clean logging-objects

            var subject = $"PEP {pep.Term} for {pep.ChildName} ({pep.Upn})";
            activity?.SetTag("vs.pep.subject", subject); // leak TC1001 strings
            var header = string.Format("PEP {0} at {1}, attendance {2}%", pep.PepId, pep.SchoolUrn, pep.AttendancePercent);
            activity?.SetTag("vs.pep.header", header); // clean strings

            var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(pep.Upn))[0] % 8;
            activity?.SetTag("vs.lane", lane); // clean hashes
            PepsCompleted.Add(1, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
            var upnDigest = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(pep.Upn)));
            logger.LogDebug("PEP dedupe key {Key}", upnDigest); // leak TC1002 hashes

            using var span = Source.StartPepsyncOperation(pep.SchoolUrn)
                .SetPepsyncChildId(pseudonymizer.PseudonymizePepsyncChildId(pep.ChildId)) // clean generated-api
                .SetPepsyncMinutes(45); // clean generated-api
            span.SetPepsyncNote(pep.ChildsViews); // leak TC1001 generated-api
            span.SetPepsyncStage($"{pep.Term}:{pep.AttendancePercent}"); // clean generated-api

            await store.SaveAsync(pep, ct);
            return pep.PepId;
        });

        routes.MapPost("/virtual-school/peps/{pepId}/targets", (string pepId, PepTarget target, ILogger<PepTarget> logger) =>
        {
            Activity.Current?.SetTag("vs.target.subject", target.Subject); // clean precision-about
            Activity.Current?.SetTag("vs.target.ppp", (double)target.PupilPremiumPlus); // clean precision-about
            logger.LogInformation("Target {TargetId} on PEP {PepId}: {@Target}", target.TargetId, pepId, target with { Description = "" }); // clean logging-objects
            logger.LogInformation("Target text {Description}", target.Description); // leak TC1001 direct
            return target.TargetId;
        });

        routes.MapGet("/virtual-school/audits/{pepId}", (string pepId, PepQualityAudit audit, ILogger<PepQualityAudit> logger) =>
        {
            logger.LogInformation("Audit {Audit}", audit); // clean logging-objects
            Activity.Current?.SetTag("vs.audit.rating", audit.Rating); // clean precision-about
            return audit.Rating;
        });

        return routes;
    }
}
