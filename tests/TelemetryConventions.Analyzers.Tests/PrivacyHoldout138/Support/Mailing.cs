namespace PressKit.Mailing;

/// <summary>A member of a mailing list, in the shape of Mailchimp's list member. Prints its members; merge fields print as their type's name.</summary>
public sealed record ListMember(string EmailAddress, string Status, Dictionary<string, string> MergeFields, string[] Tags);

/// <summary>The mailing platform's client. Not telemetry.</summary>
public interface IMailingListClient
{
    Task<ListMember> UpsertAsync(string listId, string subscriberHash, ListMember member, CancellationToken cancellationToken = default);

    Task ArchiveAsync(string listId, string subscriberHash, CancellationToken cancellationToken = default);

    Task<int> MemberCountAsync(string listId, CancellationToken cancellationToken = default);
}

/// <summary>Mailchimp's member id: the MD5 of the lower-cased email address, as its API defines it.</summary>
public static class SubscriberHash
{
    public static string For(string email) =>
        Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()))).ToLowerInvariant();
}

/// <summary>The platform refused a request: the status, the problem's title and its detail (which quotes the address concerned).</summary>
public sealed class MailingApiException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;
}
