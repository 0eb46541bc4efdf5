namespace PrivacyHoldout139.Healthcare;

public sealed record HealthAdviceRequest(string CouncilCaseRef, string NhsNumber, string ChildName, DateOnly DateOfBirth, string SchoolUrn, DateOnly DueBy, string ParentEmail);

public sealed record HealthAdviceReply(string CouncilCaseRef, string ClinicianStaffNumber, IReadOnlyList<string> NeedCodes, string Advice, bool NoHealthNeeds);

/// <summary>
/// Community paediatrics' side of an EHC needs assessment: the council asks for health advice within six weeks;
/// the designated clinical officer assigns a clinician and the advice goes back through the council's portal.
/// </summary>
public sealed class EhcpHealthAdviceHandler(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<EhcpHealthAdviceHandler> logger)
{
    private static readonly ActivitySource Source = new("Community.Paediatrics.Ehcp");
    private static readonly Meter Meter = new("Community.Paediatrics.Ehcp");
    private static readonly Histogram<double> DaysToRespond = Meter.CreateHistogram<double>("ehcp.advice.days_to_respond", "d");
    private static readonly Counter<long> Overdue = Meter.CreateCounter<long>("ehcp.advice.overdue");

    public void Received(HealthAdviceRequest request)
    {
        using var activity = Source.StartActivity("ehcp.advice.received");
        activity?.SetTag("ehcp.case", request.CouncilCaseRef); // clean precision-names
        activity?.SetTag("ehcp.school.urn", request.SchoolUrn); // clean precision-names
        activity?.SetTag("ehcp.weeks_left", (request.DueBy.DayNumber - DateOnly.FromDateTime(DateTime.Today).DayNumber) / 7); // clean precision-about
        activity?.SetTag("ehcp.child.age", DateTime.Today.Year - request.DateOfBirth.Year); // clean precision-about
        activity?.SetTag("ehcp.child.dob", request.DateOfBirth.ToString("yyyy-MM-dd")); // leak TC1001 direct
        logger.LogInformation("Health advice requested for {Child}, NHS {Nhs}", request.ChildName, request.NhsNumber); // leak TC1001 direct
        logger.LogInformation("Health advice request {@Request}", request); // leak TC1001 logging-objects
        var parentDomain = request.ParentEmail.Split('@').Last();
        activity?.SetTag("ehcp.parent.email_domain", parentDomain); // clean precision-about
    }

    public void Responded(HealthAdviceRequest request, HealthAdviceReply reply, DateTimeOffset receivedAt)
    {
        using var activity = Source.StartActivity("ehcp.advice.sent");
        var days = (DateTimeOffset.UtcNow - receivedAt).TotalDays;
        DaysToRespond.Record(days, new KeyValuePair<string, object?>("no_health_needs", reply.NoHealthNeeds)); // clean precision-about
        activity?.SetTag("ehcp.needs", string.Join(",", reply.NeedCodes)); // clean strings
        activity?.SetTag("ehcp.advice.length", reply.Advice.Length); // clean precision-about
        activity?.SetTag("ehcp.clinician", pseudonymizer.Compute("staff", reply.ClinicianStaffNumber)); // clean precision-pseudonym
        activity?.AddEvent(new ActivityEvent("ehcp.advice", tags: new ActivityTagsCollection { ["summary"] = reply.Advice.Length > 120 ? reply.Advice[..120] : reply.Advice })); // leak TC1001 direct
        if (days > 42)
        {
            Overdue.Add(1, new KeyValuePair<string, object?>("clinician", reply.ClinicianStaffNumber)); // leak TC1003 direct
            var cohort = BitConverter.ToUInt32(SHA1.HashData(Encoding.UTF8.GetBytes(request.NhsNumber))) % 10;
            activity?.SetTag("ehcp.overdue.cohort", cohort); // leak TC1002 hashes
            var keyedCohort = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.NhsNumber))) % 10;
            Overdue.Add(1, new KeyValuePair<string, object?>("cohort", keyedCohort)); // clean hashes
        }
        logger.LogInformation("Advice for case {Case} sent after {Days:0.0} days with needs {Needs}", reply.CouncilCaseRef, days, reply.NeedCodes); // clean precision-about
        logger.LogDebug("Advice reply {Reply}", reply); // leak TC1001 logging-objects
    }
}
