using System.Security.Cryptography;
using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout70.Media;

/// <summary>The owner's request to change a member's role, remove them, or hand over ownership.</summary>
public sealed record RoleChange(string HouseholdId, Guid ActorAccountId, Guid TargetAccountId, HouseholdRole? NewRole, bool Remove);

/// <summary>Thrown when the owner would be left without an adult; quotes the member's profile name.</summary>
public sealed class LastAdultException(string profileName) : Exception($"'{profileName}' is the last adult of the household");

public interface IMembershipStore
{
    Task ApplyAsync(RoleChange change, CancellationToken cancellationToken);
}

/// <summary>Household admin: role changes and removals, with an audit line per change.</summary>
public sealed class HouseholdRoles(
    IHouseholdStore households,
    IMembershipStore memberships,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<HouseholdRoles> logger)
{
    private readonly HouseholdMemberChangesCounter _changes = meter.CreateHouseholdMemberChangesCounter();

    public async Task ApplyAsync(RoleChange change, CancellationToken cancellationToken)
    {
        var household = await households.GetAsync(change.HouseholdId, cancellationToken);
        var target = household.Members.Single(m => m.AccountId == change.TargetAccountId);
        var kind = change.Remove ? HouseholdChange.Removed : HouseholdChange.RoleChanged;

        using var span = source.StartHouseholdMemberChange(household.Plan); // clean generated-api
        span.SetHouseholdChange(kind).SetHouseholdMemberId(pseudonymizer.PseudonymizeHouseholdMemberId(target.AccountId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("household.actor.is_owner", change.ActorAccountId == household.OwnerAccountId); // clean precision-about
        span.Activity?.SetTag("household.actor", change.ActorAccountId); // leak TC1001 direct
        span.Activity?.SetTag("household.member.email_masked", MaskEmail(target.Email)); // clean precision-about
        span.Activity?.SetTag("household.ab.cohort", Cohort(target.AccountId)); // clean hashes
        span.Activity?.SetTag("household.member.label", $"{target.ProfileName}#{target.Role}"); // leak TC1001 strings

        try
        {
            await memberships.ApplyAsync(change, cancellationToken);
        }
        catch (LastAdultException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogHouseholdMemberRejectedEvent(household.Plan, "last_adult", pseudonymizer.PseudonymizeHouseholdMemberId(target.AccountId.ToString()), ex.GetType().Name); // clean exceptions
            return;
        }

        var audit = $"{change.ActorAccountId:N} {(change.Remove ? "removed" : "re-roled")} {target.ProfileName} ({target.Role} -> {change.NewRole})";
        logger.LogInformation("Household audit: {Line}", audit); // leak TC1001 strings
        logger.LogInformation("Household {HouseholdId}: {Change} from {OldRole} to {NewRole}", household.Id, kind, target.Role, change.NewRole); // clean precision-about
        span.SetHouseholdNote(change.Remove ? $"removed a {target.Role} member" : $"{target.Role} -> {change.NewRole}"); // clean generated-api
        _changes.Add(1, household.Plan, kind, change.Remove ? "removed" : "changed"); // clean generated-api
        _changes.Add(1, household.Plan, kind, target.ProfileName); // leak TC1003 direct
        LogKidProfile(target); // leak TC1001 cross-member
    }

    private void LogKidProfile(HouseholdMember member)
    {
        if (member.Role == HouseholdRole.Kid)
        {
            logger.LogDebug("Kid profile {ProfileName} changed; parental controls re-applied", member.ProfileName); // leak TC1001 direct
        }
    }

    /// <summary>Keeps the first letter and the domain: j***@example.com.</summary>
    private static string MaskEmail(string email) =>
        email.IndexOf('@') is var at and > 0 ? $"{email[0]}***{email[at..]}" : "***";

    private string Cohort(Guid accountId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return $"c{hmac.ComputeHash(Encoding.UTF8.GetBytes(accountId.ToString()))[0] % 4}";
    }
}
