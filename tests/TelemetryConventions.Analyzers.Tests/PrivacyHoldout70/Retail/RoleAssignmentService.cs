using System.Security.Cryptography;
using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout70.Retail;

public sealed record RoleGrant(string EmployeeNumber, string Store, string Role, string GrantedByUpn, DateTimeOffset? ExpiresAt);

/// <summary>The directory's groups per role and store, with their LDAP distinguished names.</summary>
public interface IGroupDirectory
{
    string GroupDnFor(string store, string role);

    Task AddMemberAsync(string groupDn, string memberDn, CancellationToken cancellationToken);

    Task<string> UserDnAsync(string employeeNumber, CancellationToken cancellationToken);
}

/// <summary>Store managers grant roles (till supervisor, key holder); each grant becomes an LDAP group membership.</summary>
public sealed class RoleAssignmentService(
    IGroupDirectory groups,
    IAuditStore audit,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<RoleAssignmentService> logger)
{
    private static readonly HashSet<string> PrivilegedRoles = ["key-holder", "store-manager", "cash-office"];
    private readonly Counter<long> _grants = meter.CreateCounter<long>("workforce.role.grants");

    public async Task GrantAsync(RoleGrant grant, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("workforce.role.grant");
        var span = activity.EnrichWorkforceImport("manual"); // clean generated-api
        span.SetWorkforceRole(grant.Role).SetWorkforceStore(grant.Store); // clean generated-api
        span.SetWorkforceEmployeeId(pseudonymizer.PseudonymizeWorkforceEmployeeId(grant.EmployeeNumber)); // clean precision-pseudonym
        activity?.SetTag("workforce.role.privileged", PrivilegedRoles.Contains(grant.Role)); // clean precision-about
        activity?.SetTag("workforce.granted_by", grant.GrantedByUpn); // leak TC1001 direct

        var groupDn = groups.GroupDnFor(grant.Store, grant.Role);
        activity?.SetTag("ldap.group.dn", groupDn); // clean direct
        try
        {
            var userDn = await groups.UserDnAsync(grant.EmployeeNumber, cancellationToken);
            await groups.AddMemberAsync(groupDn, userDn, cancellationToken);
            activity?.AddEvent(new ActivityEvent("ldap.member.added", tags: new ActivityTagsCollection { ["member.dn"] = userDn })); // leak TC1001 direct
            logger.LogInformation("Added to {GroupDn}; member RDN type {RdnType}", groupDn, userDn.Split('=')[0]); // clean precision-about
        }
        catch (LdapException ex) when (ex.ResultCode == 68)
        {
            logger.LogInformation("Already a member of {GroupDn} (code {Code})", groupDn, ex.ResultCode); // clean exceptions
        }
        catch (LdapException ex)
        {
            logger.LogError("LDAP modify failed: {Message} matched {Matched}", ex.Message, ex.MatchedDn); // leak TC1001 exceptions
            throw;
        }

        var record = new AuditRecord(Guid.NewGuid(), grant.Store, $"grant:{grant.Role}", grant.GrantedByUpn, grant.EmployeeNumber, DateTimeOffset.UtcNow, null);
        await audit.AppendAsync(record, cancellationToken);
        logger.LogInformation("Audit {AuditId} written for {Action}", record.Id, record.Action); // clean precision-names
        logger.LogDebug("Audit row {Record}", record); // leak TC1001 logging-objects
        _grants.Add(1, new KeyValuePair<string, object?>("role", grant.Role), new KeyValuePair<string, object?>("store", grant.Store)); // clean precision-about
        _grants.Add(1, new KeyValuePair<string, object?>("role", grant.Role), new KeyValuePair<string, object?>("granted_by", grant.GrantedByUpn)); // leak TC1003 direct
        _grants.Add(1, new KeyValuePair<string, object?>("role", grant.Role), new KeyValuePair<string, object?>("grantee.bucket", HashCode.Combine(grant.EmployeeNumber) & 15)); // leak TC1003 hashes
    }

    public void ReportExpiring(IEnumerable<RoleGrant> grants)
    {
        var expiring = grants.Where(g => g.ExpiresAt < DateTimeOffset.UtcNow.AddDays(7)).ToList();
        logger.LogInformation("{Count} grants expire within a week in stores {Stores}", expiring.Count, expiring.Select(g => g.Store).Distinct()); // clean precision-about
        foreach (var grant in expiring.Where(g => PrivilegedRoles.Contains(g.Role)))
        {
            logger.LogWarning("Privileged grant expiring: {Grant}", grant); // leak TC1001 logging-objects
        }
        logger.LogDebug("Expiring employee ref {EmployeeRefPrefix}", expiring.Select(g => pseudonymizer.ComputeWorkforceEmployeeId(g.EmployeeNumber)[..8])); // clean precision-pseudonym
    }
}
