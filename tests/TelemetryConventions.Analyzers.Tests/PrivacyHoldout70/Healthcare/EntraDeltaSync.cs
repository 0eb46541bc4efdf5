using System.Security.Cryptography;
using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout70.Healthcare;

/// <summary>Where the sync resumes: the delta link of the last complete round, per tenant.</summary>
public interface IDeltaLinkStore
{
    Task<string?> GetAsync(string tenantId, CancellationToken cancellationToken);

    Task SaveAsync(string tenantId, string deltaLink, CancellationToken cancellationToken);
}

/// <summary>The trust's staff directory, keyed by staff number.</summary>
public interface IStaffDirectory
{
    Task<bool> UpsertAsync(string staffNumber, DirectoryUser user, CancellationToken cancellationToken);

    Task DisableAsync(string staffNumber, CancellationToken cancellationToken);
}

/// <summary>
/// Reads the cloud directory's users with a delta query, and the on-premises directory over LDAP
/// for the smartcard OUs, into the trust's staff directory.
/// </summary>
public sealed class EntraDeltaSync(
    IDirectoryDeltaClient delta,
    ILdapConnection ldap,
    IDeltaLinkStore links,
    IStaffDirectory staff,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<EntraDeltaSync> logger)
{
    private readonly Counter<long> _changes = meter.CreateCounter<long>("directory.sync.changes");
    private readonly Histogram<int> _pageSize = meter.CreateHistogram<int>("directory.sync.page.size");

    public async Task RunAsync(string tenantId, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("directory.delta.sync");
        activity?.SetTag("directory.tenant", tenantId); // clean direct
        var link = await links.GetAsync(tenantId, cancellationToken);
        activity?.SetTag("directory.delta.resumed", link is not null); // clean precision-about
        logger.LogDebug("Resuming {Tenant} from {DeltaLink}", tenantId, link); // clean direct

        var skipped = new List<string>();
        while (true)
        {
            var page = await delta.GetPageAsync(tenantId, link, cancellationToken);
            _pageSize.Record(page.Users.Count, new KeyValuePair<string, object?>("directory.tenant", tenantId)); // clean precision-about
            logger.LogDebug("Delta page for {Tenant}: {Users}", tenantId, page.Users.Select(u => u.UserPrincipalName)); // leak TC1001 logging-objects

            foreach (var user in page.Users)
            {
                if (user.EmployeeId is not { Length: > 0 } staffNumber)
                {
                    skipped.Add(user.UserPrincipalName);
                    continue;
                }

                if (user.Removed || !user.AccountEnabled)
                {
                    await staff.DisableAsync(staffNumber, cancellationToken);
                    activity?.AddEvent(new ActivityEvent("directory.user.disabled", tags: new ActivityTagsCollection { ["directory.object.id"] = user.Id })); // leak TC1001 direct
                    _changes.Add(1, new KeyValuePair<string, object?>("change", "disabled"), new KeyValuePair<string, object?>("department", user.Department)); // clean precision-about
                    continue;
                }

                var changed = await staff.UpsertAsync(staffNumber, user, cancellationToken);
                logger.LogDebug("Synced {Staff} changed={Changed}", pseudonymizer.PseudonymizeStaffMemberId(staffNumber), changed); // clean precision-pseudonym
                _changes.Add(1, new KeyValuePair<string, object?>("change", changed ? "updated" : "unchanged"), new KeyValuePair<string, object?>("staff", pseudonymizer.PseudonymizeStaffMemberId(staffNumber).Value)); // leak TC1003 precision-pseudonym
            }

            if (page.NextLink is not null)
            {
                link = page.NextLink;
                continue;
            }

            await links.SaveAsync(tenantId, page.DeltaLink!, cancellationToken);
            break;
        }

        activity?.SetTag("directory.skipped.count", skipped.Count); // clean precision-about
        logger.LogWarning("Users without an employee id: {Upns}", string.Join(";", skipped)); // leak TC1001 strings
        activity?.SetTag("directory.skipped.domains", string.Join(",", skipped.Select(u => u[(u.IndexOf('@') + 1)..]).Distinct())); // clean precision-about
    }

    /// <summary>Smartcard OUs still live on-premises: read them over LDAP.</summary>
    public async Task SyncSmartcardOuAsync(string baseDn, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("directory.ldap.sync");
        activity?.SetTag("ldap.base_dn", baseDn); // clean direct
        try
        {
            var entries = await ldap.SearchAsync(baseDn, "(&(objectClass=user)(employeeID=*))", ["employeeID", "userPrincipalName", "cn"], cancellationToken);
            foreach (var entry in entries)
            {
                var parentOu = entry.DistinguishedName[(entry.DistinguishedName.IndexOf(',') + 1)..];
                logger.LogDebug("Entry under {Ou}", parentOu); // clean precision-about
                logger.LogDebug("Read {Entry}", entry); // leak TC1001 logging-objects
                if (entry.First("employeeID") is not { } staffNumber)
                {
                    activity?.AddEvent(new ActivityEvent($"ldap.entry.skipped {entry.DistinguishedName}")); // leak TC1001 strings
                    continue;
                }
                activity?.SetTag("ldap.entry.cohort", Cohort(staffNumber)); // leak TC1002 hashes
            }
            activity?.SetTag("ldap.entries", entries.Count); // clean precision-about
        }
        catch (LdapException ex) when (ex.ResultCode == 32)
        {
            logger.LogWarning("No such object; the server matched {MatchedDn}", ex.MatchedDn); // clean exceptions
        }
        catch (LdapException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"ldap {ex.ResultCode}"); // clean exceptions
        }
    }

    private static string Cohort(string staffNumber) =>
        Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(staffNumber)))[..4];
}
