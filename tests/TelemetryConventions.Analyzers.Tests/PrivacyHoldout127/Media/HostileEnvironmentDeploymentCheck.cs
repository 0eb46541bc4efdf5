namespace PrivacyHoldout127.Media;

public sealed record Deployment(string AssignmentId, string Country, string Desk, IReadOnlyList<string> CrewStaffNumbers);

/// <summary>Before a crew deploys to a high-risk country, checks each member's hostile environment (HEFAT) certificate.</summary>
public sealed class HostileEnvironmentDeploymentCheck(IComplianceStore store, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<HostileEnvironmentDeploymentCheck> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.Safety.Deployment");

    public async Task<bool> CheckAsync(Deployment deployment, CancellationToken ct)
    {
        using var activity = Source.StartActivity("newsroomcpd.deployment.check");
        activity?.SetTag("newsroomcpd.assignment", deployment.AssignmentId); // clean precision-names
        activity?.SetTag("newsroomcpd.country", deployment.Country); // clean precision-names
        activity?.SetTag("newsroomcpd.crew.size", deployment.CrewStaffNumbers.Count); // clean precision-about
        activity?.SetTag("newsroomcpd.crew.raw", deployment.CrewStaffNumbers.ToArray()); // leak TC1001 logging-objects
        activity?.SetTag("newsroomcpd.crew", string.Join(",", deployment.CrewStaffNumbers.Select(n => pseudonymizer.ComputeNewsroomcpdJournalistId(n)))); // clean precision-pseudonym

        var overdue = await store.OverdueAsync(deployment.Desk, ct);
        var blocked = overdue.Where(o => o.RequirementCode == "hefat" && deployment.CrewStaffNumbers.Contains(o.StaffNumber)).ToList();
        activity?.SetTag("newsroomcpd.blocked.count", blocked.Count); // clean precision-about
        foreach (var member in blocked)
        {
            logger.LogWarning("HEFAT lapsed for {Name} (due {Due})", member.FullName, member.DueOn); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("crew.blocked", tags: new ActivityTagsCollection { ["staff"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(member.StaffNumber))) })); // leak TC1002 hashes
            activity?.AddEvent(new ActivityEvent("crew.blocked.keyed", tags: new ActivityTagsCollection { ["staff"] = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(member.StaffNumber))) })); // clean hashes
        }
        if (blocked.Count > 0)
        {
            activity?.AddEvent(new ActivityEvent($"hefat.lapsed.{deployment.Country}")); // clean strings
            activity?.SetStatus(ActivityStatusCode.Error, "blocked: " + string.Join(", ", blocked.Select(b => b.StaffNumber))); // leak TC1001 strings
        }
        logger.LogInformation("Deployment {@Deployment} checked", deployment); // leak TC1001 logging-objects
        return blocked.Count == 0;
    }
}
