namespace AbuseKit.Lists;

// Block, allow and watch lists as the services keep them: entries of a kind (an IP network, an email, an
// email domain, a card fingerprint, a device, an account) with the value blocked, a reason from a fixed
// list, who added it and when it expires. Only the shapes matter.

public enum EntryKind
{
    Network,
    IpAddress,
    Email,
    EmailDomain,
    Account,
    Device,
    Card,
    ApiClient,
    Asn,
}

public sealed record AccessListEntry(string EntryId, string List, EntryKind Kind, string Value, string Reason, string AddedBy, DateTimeOffset AddedAt, DateTimeOffset? ExpiresAt);

public interface IAccessListStore
{
    Task<AccessListEntry?> MatchAsync(string list, EntryKind kind, string value, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AccessListEntry>> EntriesAsync(string list, CancellationToken cancellationToken = default);

    Task AddAsync(AccessListEntry entry, CancellationToken cancellationToken = default);
}

/// <summary>An IP network in CIDR notation.</summary>
public sealed class IpNetwork(IPAddress prefix, int prefixLength)
{
    public IPAddress Prefix { get; } = prefix;

    public int PrefixLength { get; } = prefixLength;

    public static IpNetwork Parse(string cidr)
    {
        var parts = cidr.Split('/');
        return new IpNetwork(IPAddress.Parse(parts[0]), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The network of <paramref name="address"/> cut to <paramref name="length"/> bits.</summary>
    public static IpNetwork Of(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = length; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }
        return new IpNetwork(new IPAddress(bytes), length);
    }

    public bool Contains(IPAddress address) => Of(address, PrefixLength).Prefix.Equals(Prefix);

    public override string ToString() => $"{Prefix}/{PrefixLength}";
}

public sealed class BlockedException(string list, EntryKind kind, string value)
    : Exception($"{kind} '{value}' is on the {list} list.")
{
    public string List { get; } = list;

    public EntryKind Kind { get; } = kind;
}
