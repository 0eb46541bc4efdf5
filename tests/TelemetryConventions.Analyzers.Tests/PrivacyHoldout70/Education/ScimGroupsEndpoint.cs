using System.Security.Cryptography;
using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout70.Education;

/// <summary>A class group of the platform: a teaching group such as 9X/Ma1, with its members' account ids.</summary>
public sealed record ClassGroup(string Id, string SchoolUrn, string DisplayName, string Subject, List<Guid> MemberAccountIds);

public interface IGroupRepository
{
    Task<ClassGroup?> FindAsync(string schoolUrn, string groupId, CancellationToken cancellationToken);

    Task SaveAsync(ClassGroup group, CancellationToken cancellationToken);
}

/// <summary>The platform's SCIM /Groups endpoint: class groups and their membership patches.</summary>
public sealed class ScimGroupsEndpoint(
    IGroupRepository groups,
    IAccountRepository accounts,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<ScimGroupsEndpoint> logger)
{
    private readonly RosterScimRequestsCounter _requests = meter.CreateRosterScimRequestsCounter();
    private readonly Histogram<int> _membershipDelta = meter.CreateHistogram<int>("roster.group.membership.delta");

    public async Task PatchMembersAsync(ScimRequestContext request, string groupId, ScimPatchRequest patch, CancellationToken cancellationToken)
    {
        using var span = source.StartRosterScimRequest("Group"); // clean generated-api
        span.SetRosterSchool(request.TenantId).SetRosterGroupId(groupId).SetRosterOperation(RosterOperation.Patch); // clean generated-api

        var group = await groups.FindAsync(request.TenantId, groupId, cancellationToken);
        if (group is null)
        {
            logger.LogRosterScimRejectedEvent("Group", "no_target", rosterNote: $"group {groupId} not in school {request.TenantId}"); // clean generated-api
            return;
        }

        var added = new List<Guid>();
        var removed = new List<Guid>();
        foreach (var op in patch.Operations)
        {
            if (op.Op == "add" && op.Path == "members")
            {
                foreach (var member in op.Value.EnumerateArray())
                {
                    var id = Guid.Parse(member.GetProperty("value").GetString()!);
                    group.MemberAccountIds.Add(id);
                    added.Add(id);
                }
            }
            else if (op.Op == "remove" && op.Path is { } path && path.StartsWith("members[value eq ", StringComparison.Ordinal))
            {
                var id = Guid.Parse(path["members[value eq \"".Length..^2]);
                group.MemberAccountIds.Remove(id);
                removed.Add(id);
                logger.LogDebug("Removing by filter {Path}", path); // leak TC1001 strings
            }
        }

        await groups.SaveAsync(group, cancellationToken);
        span.Activity?.SetTag("roster.group.name", group.DisplayName); // clean direct
        span.Activity?.SetTag("roster.members.added", added.Count); // clean precision-about
        span.Activity?.SetTag("roster.members.added.ids", string.Join(",", added)); // leak TC1001 strings
        logger.LogInformation("Group {Group} removed {Removed}", group.Id, removed); // leak TC1001 logging-objects
        _membershipDelta.Record(added.Count - removed.Count, new KeyValuePair<string, object?>("roster.subject", group.Subject)); // clean precision-about
        _requests.Add(1, "Group", RosterOperation.Patch, $"ok:+{added.Count}/-{removed.Count}"); // clean generated-api

        foreach (var id in added)
        {
            var account = await accounts.FindAsync(request.TenantId, id, cancellationToken);
            if (account is null)
            {
                span.Activity?.AddEvent(new ActivityEvent("roster.member.unknown", tags: new ActivityTagsCollection { ["account.shard"] = Lane(id) })); // clean hashes
                continue;
            }
            if (account.IsStaff)
            {
                TagTeacher(span.Activity, account); // leak TC1001 cross-member
            }
            span.Activity?.AddEvent(new ActivityEvent("roster.member.added", tags: new ActivityTagsCollection { ["learner"] = pseudonymizer.ComputeRosterUserId(account.StudentOrStaffNumber) })); // clean precision-pseudonym
        }
    }

    /// <summary>The class teacher is shown on the group's span for the support desk.</summary>
    private static void TagTeacher(Activity? activity, PlatformAccount teacher) =>
        activity?.SetTag("roster.group.teacher", teacher.PreferredName); // leak TC1001 direct

    public async Task DeleteAsync(ScimRequestContext request, string groupId, CancellationToken cancellationToken)
    {
        using var span = source.StartRosterScimRequest("Group"); // clean generated-api
        span.SetRosterOperation(RosterOperation.Delete).SetRosterGroupId(groupId); // clean generated-api
        var group = await groups.FindAsync(request.TenantId, groupId, cancellationToken);
        var memberCount = group?.MemberAccountIds.Count ?? 0;
        logger.LogInformation("Deleting group {GroupId} ({DisplayName}) with {MemberCount} members", groupId, group?.DisplayName, memberCount); // clean precision-names
        logger.LogDebug("Members of the deleted group: {Members}", group?.MemberAccountIds.Select(m => m.ToString("N"))); // leak TC1001 logging-objects
        _requests.Add(1, "Group", RosterOperation.Delete, memberCount > 0 ? "deleted:nonempty" : "deleted"); // clean generated-api
    }

    private string Lane(Guid accountId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return $"lane-{hmac.ComputeHash(accountId.ToByteArray())[0] % 8}";
    }
}
