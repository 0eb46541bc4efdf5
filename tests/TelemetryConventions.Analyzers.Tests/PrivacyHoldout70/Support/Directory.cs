namespace PrivacyHoldout70.Support;

// Stand-ins for the directory sources the sync workers read: an LDAP search and a Graph-style
// delta query. As their client libraries do, an entry's ToString() is its distinguished name.

public sealed class LdapEntry(string distinguishedName, IReadOnlyDictionary<string, string[]> attributes)
{
    /// <summary>For example <c>CN=Jane Doe,OU=Nursing,OU=Staff,DC=trust,DC=nhs,DC=uk</c>.</summary>
    public string DistinguishedName { get; } = distinguishedName;

    public IReadOnlyDictionary<string, string[]> Attributes { get; } = attributes;

    public string? First(string name) => Attributes.TryGetValue(name, out var values) && values.Length > 0 ? values[0] : null;

    public override string ToString() => DistinguishedName;
}

public interface ILdapConnection
{
    Task<IReadOnlyList<LdapEntry>> SearchAsync(string baseDn, string filter, string[] attributes, CancellationToken cancellationToken);
}

/// <summary>
/// An LDAP error: the result code, and the client's message, which quotes the operation as it was sent
/// (<c>Modify of CN=…: add member CN=Jane Doe,OU=… failed: 0000202F …</c>), so it names the entries involved.
/// </summary>
public sealed class LdapException(int resultCode, string message, string? matchedDn = null) : Exception(message)
{
    public int ResultCode { get; } = resultCode;

    /// <summary>The part of the requested DN the server found, as the server returns it.</summary>
    public string? MatchedDn { get; } = matchedDn;
}

/// <summary>A directory user as a Graph-style delta query returns it.</summary>
public sealed record DirectoryUser(
    string Id,
    string UserPrincipalName,
    string? Mail,
    string? DisplayName,
    string? EmployeeId,
    string? Department,
    bool AccountEnabled,
    bool Removed);

/// <summary>A page of a delta query: users, and either a next link or the delta link to resume from.</summary>
public sealed record DeltaPage(IReadOnlyList<DirectoryUser> Users, string? NextLink, string? DeltaLink);

public interface IDirectoryDeltaClient
{
    /// <summary>Reads one page; <paramref name="link"/> is the next or delta link of the previous page.</summary>
    Task<DeltaPage> GetPageAsync(string tenantId, string? link, CancellationToken cancellationToken);
}

/// <summary>A Graph-style service error: an error code and the service's message.</summary>
public sealed class DirectoryServiceException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
