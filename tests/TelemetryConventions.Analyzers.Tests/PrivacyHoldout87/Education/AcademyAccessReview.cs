namespace PrivacyHoldout87.Education;

/// <summary>
/// Termly access reviews across the trust's academies: each teacher's role is confirmed or
/// revoked by a reviewer, and confirmed changes are applied as role changes.
/// </summary>
public sealed partial class AcademyAccessReview(Pseudonymizer pseudonymizer, TenantSettings settings, Meter meter, ILogger<AcademyAccessReview> logger)
{
    private static readonly ActivitySource Source = new("Mat.Tenancy.AccessReview");

    private readonly Counter<long> _decisions = meter.CreateCounter<long>("mat.review.decisions", "{decision}");

    public void Record(AccessReviewItem item)
    {
        using var activity = Source.StartActivity("review.decision");
        activity?.SetTag("review.id", item.ReviewId); // clean precision-about
        activity?.SetTag("review.role", item.Role); // clean precision-about
        activity?.SetTag("review.decision", item.Decision); // clean precision-about
        activity?.SetTag("review.reviewer", item.ReviewerEmail); // leak TC1001 direct
        _decisions.Add(1, new KeyValuePair<string, object?>("academy", item.TenantId), new KeyValuePair<string, object?>("decision", item.Decision), new KeyValuePair<string, object?>("role", item.Role)); // clean precision-about
        logger.LogInformation("Review item {@Item}", item); // leak TC1001 logging-objects
        logger.LogInformation("Review item {Item}", item with { MemberEmail = "(member)", ReviewerEmail = null }); // clean logging-objects
        if (item.Decision == "revoke")
        {
            _decisions.Add(1, new KeyValuePair<string, object?>("revoked", item.MemberEmail)); // leak TC1003 direct
        }
    }

    public void ApplyRoleChange(RoleChange change)
    {
        using var scope = logger.BeginScope("Role change {From} -> {To} for {MemberId}", change.FromRole, change.ToRole, change.MemberId); // leak TC1001 direct
        RoleChanged(logger, change.TenantId, change.FromRole, change.ToRole, pseudonymizer.ComputeMatseatsTeacherId(change.MemberId)); // clean precision-pseudonym
        Activity.Current?.SetTag("role.changed_by", change.ChangedBy); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent($"role.change {change}")); // leak TC1001 strings
        var cohort = Math.Abs(change.MemberId.GetHashCode()) % 10;
        Activity.Current?.SetTag("review.cohort", cohort); // leak TC1002 hashes
        Activity.Current?.SetTag("role.template", settings.Get("roles.email_template_id", "role-changed-v2")); // clean precision-names
    }

    public void Summarise(string academyId, IReadOnlyList<AccessReviewItem> items)
    {
        var byReviewer = items.GroupBy(i => i.ReviewerEmail ?? "unassigned").ToDictionary(g => g.Key, g => g.Count());
        foreach (var (reviewer, count) in byReviewer)
        {
            logger.LogInformation("Reviewer {Reviewer} completed {Count} items", reviewer, count); // leak TC1001 cross-member
        }

        logger.LogInformation("Academy {Academy}: {Reviewers} reviewers, {Revoked} revoked", academyId, byReviewer.Count, items.Count(i => i.Decision == "revoke")); // clean precision-about
        var admins = items.Where(i => i.Role == "trust-admin").Select(i => i.MemberEmail).ToList();
        Activity.Current?.SetTag("review.admin_count", admins.Count); // clean precision-names
        Activity.Current?.SetTag("review.admins", string.Join(",", admins)); // leak TC1001 strings
        Activity.Current?.SetTag("review.contact", settings.Get("review.lead_reviewer_email")); // leak TC1001 cross-member
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Academy {AcademyId}: role {FromRole} -> {ToRole} for {Teacher}")]
    private static partial void RoleChanged(ILogger logger, string academyId, string fromRole, string toRole, string teacher);
}
