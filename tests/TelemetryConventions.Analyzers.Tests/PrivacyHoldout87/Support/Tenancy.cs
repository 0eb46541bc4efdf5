namespace PrivacyHoldout87.Support;

// The tenancy platform's shared model: tenants are organisations (a trust's department, an
// academy, a business customer, a studio team, a production company, a supplier, a corporate
// travel account); members, invitees and seat holders are people.

public enum PlanTier
{
    Starter,
    Team,
    Business,
    Enterprise,
}

/// <summary>An organisation on the platform.</summary>
public sealed record Tenant(string TenantId, string Name, PlanTier Plan, int SeatLimit, string PrimaryDomain);

/// <summary>A person in a tenant.</summary>
public sealed record TenantMember(string MemberId, string TenantId, string Email, string DisplayName, string Role)
{
    public string EmailDomain => Email[(Email.IndexOf('@') + 1)..];
}

/// <summary>A seat licence; <see cref="AssignedTo"/> is the holder's email while the seat is taken.</summary>
public sealed record SeatLicence(string SeatId, string TenantId, string Sku, string? AssignedTo, DateTimeOffset? AssignedAt)
{
    public bool IsFree => AssignedTo is null;
}

/// <summary>An invitation to join a tenant, sent to one address with a one-time token.</summary>
public sealed record Invitation(string InvitationId, string TenantId, string Email, string Role, string Token, DateTimeOffset ExpiresAt)
{
    public string EmailDomain => Email[(Email.IndexOf('@') + 1)..];

    public string AcceptLink(string host) => $"https://{host}/invitations/accept?token={Uri.EscapeDataString(Token)}";
}

public static class InvitationTokens
{
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A domain an organisation claims for SSO, proven by a DNS TXT record.</summary>
public sealed record SsoDomain(string Domain, string TenantId, string TxtChallenge, bool Verified, string IdentityProvider);

public interface IDomainDirectory
{
    /// <summary>The tenant whose verified SSO domain the email belongs to, if any.</summary>
    Tenant? ResolveByEmail(string email);

    IReadOnlyList<SsoDomain> DomainsOf(string tenantId);

    Task<IReadOnlyList<string>> LookupTxtAsync(string domain, CancellationToken cancellationToken);
}

/// <summary>Metered usage of one seat in one period.</summary>
public sealed record UsageSample(string TenantId, string SeatId, string MemberId, string MeterName, long Units, DateOnly Day);

/// <summary>One line of an access review: a person, the role they hold, the reviewer's decision.</summary>
public sealed record AccessReviewItem(string ReviewId, string TenantId, string MemberEmail, string Role, string Decision, string? ReviewerEmail);

/// <summary>A row of a bulk user import.</summary>
public sealed record ImportRow(int RowNumber, string Email, string FullName, string Role, string? ExternalId);

/// <summary>A deprovisioning request raised by a tenant admin or the HR feed.</summary>
public sealed record DeprovisionRequest(string RequestId, string TenantId, string MemberId, string Email, string RequestedBy, string Reason);

/// <summary>A tenant export job: everything the platform holds for one organisation, zipped to storage.</summary>
public sealed record TenantExportJob(string ExportId, string TenantId, int Members, int Seats, string BlobPath);

/// <summary>A role change on a member, as the audit trail keeps it.</summary>
public sealed record RoleChange(string TenantId, string MemberId, string FromRole, string ToRole, string ChangedBy);

public sealed class CsvImportException(int row, string column, string cell)
    : Exception($"Row {row}: column '{column}' has an invalid value '{cell}'")
{
    public int Row { get; } = row;

    public string Column { get; } = column;
}

public sealed class SeatLimitExceededException(string tenantId, PlanTier plan, int limit)
    : Exception($"Tenant {tenantId} on the {plan} plan has used all {limit} seats")
{
    public string TenantId { get; } = tenantId;

    public int Limit { get; } = limit;
}

public sealed class DuplicateMemberException(string tenantId, string email)
    : Exception($"{email} is already a member of tenant {tenantId}")
{
    public string TenantId { get; } = tenantId;
}

public sealed class InvitationExpiredException(string invitationId, DateTimeOffset expiredAt)
    : Exception($"Invitation {invitationId} expired at {expiredAt:O}")
{
    public string InvitationId { get; } = invitationId;
}

public sealed class DomainNotVerifiedException(string domain, string tenantId)
    : Exception($"Domain {domain} is not verified for tenant {tenantId}")
{
    public string Domain { get; } = domain;
}

public sealed class InvitationMismatchException(string invitationId, string expectedEmail, string signedInEmail)
    : Exception($"Invitation {invitationId} was sent to {expectedEmail} but {signedInEmail} tried to accept it")
{
    public string InvitationId { get; } = invitationId;
}

public interface ITenantStore
{
    Task<Tenant?> FindAsync(string tenantId, CancellationToken cancellationToken);

    Task<IReadOnlyList<TenantMember>> MembersAsync(string tenantId, CancellationToken cancellationToken);

    Task SaveMemberAsync(TenantMember member, CancellationToken cancellationToken);

    Task RemoveMemberAsync(string tenantId, string memberId, CancellationToken cancellationToken);
}

public interface ISeatStore
{
    Task<IReadOnlyList<SeatLicence>> SeatsAsync(string tenantId, CancellationToken cancellationToken);

    Task<SeatLicence> AssignAsync(string tenantId, string sku, string email, CancellationToken cancellationToken);

    Task ReleaseAsync(string seatId, CancellationToken cancellationToken);
}

public interface IInvitationStore
{
    Task<Invitation?> FindByTokenAsync(string token, CancellationToken cancellationToken);

    Task SaveAsync(Invitation invitation, CancellationToken cancellationToken);
}

public interface IMailer
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>Tenant-scoped configuration, read from the settings table.</summary>
public sealed class TenantSettings(string tenantId, IReadOnlyDictionary<string, string> values)
{
    public string TenantId { get; } = tenantId;

    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public string Get(string key, string fallback = "") => Values.TryGetValue(key, out var v) ? v : fallback;

    public override string ToString() => $"TenantSettings {{ TenantId = {TenantId}, Keys = {string.Join(",", Values.Keys)} }}";
}

/// <summary>Shards and lanes from an HMAC with the service's shard key.</summary>
public static class KeyedShards
{
    public static int Of(byte[] shardKey, string value, int buckets)
    {
        var mac = HMACSHA256.HashData(shardKey, Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)buckets);
    }
}

/// <summary>The import team's CSV reader: splits a line on commas, honouring double quotes.</summary>
public static class CsvLine
{
    public static string[] Split(string line)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') { quoted = !quoted; continue; }
            if (c == ',' && !quoted) { cells.Add(current.ToString()); current.Clear(); continue; }
            current.Append(c);
        }

        cells.Add(current.ToString());
        return cells.ToArray();
    }
}
