using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout29.Support.Marketing;

// A small stand-in for a Mailchimp/Braze-style marketing automation API: audiences (lists), members
// keyed by their subscriber hash (Mailchimp's is the MD5 of the lower-cased email), segments,
// campaigns, and the webhooks that report unsubscribes and bounces; and an ad platform's
// customer-match upload, which takes SHA-256 digests of normalised emails.

public sealed class AudienceMember
{
    public required string EmailAddress { get; init; }

    public string Status { get; init; } = "subscribed";

    public Dictionary<string, string> MergeFields { get; init; } = new();

    public List<string> Tags { get; init; } = new();

    public string? Language { get; init; }

    public string? IpSignup { get; init; }
}

public sealed record MemberResult(string Id, string Status, DateTimeOffset LastChanged);

public sealed record SegmentInfo(string Id, string Name, int MemberCount);

public sealed record UnsubscribeWebhook(string ListId, string Email, string Reason, string CampaignId, DateTimeOffset FiredAt);

/// <summary>A bounce reported by the sending platform: <c>Diagnostic</c> is the receiving server's reply.</summary>
public sealed record BounceWebhook(string MessageId, string CampaignId, string Email, string BounceType, string SmtpStatus, string Diagnostic, DateTimeOffset At);

public sealed record CustomerMatchUpload(string AudienceId, IReadOnlyList<string> HashedEmails, IReadOnlyList<string> HashedPhones);

public sealed record UploadResult(string JobId, int Received, int Matched);

public sealed class MarketingApiException(int status, string title, string detail) : Exception($"{title}: {detail}")
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    /// <summary>The API's detail; for a member it names the address ("jo@example.org is already a list member").</summary>
    public string Detail { get; } = detail;
}

public interface IMarketingClient
{
    Task<MemberResult> SetMemberAsync(string listId, string subscriberHash, AudienceMember member, CancellationToken cancellationToken);

    Task ArchiveMemberAsync(string listId, string subscriberHash, CancellationToken cancellationToken);

    Task DeletePermanentAsync(string listId, string subscriberHash, CancellationToken cancellationToken);

    Task<SegmentInfo> AddToSegmentAsync(string listId, string segmentId, IReadOnlyList<string> emails, CancellationToken cancellationToken);

    Task<UploadResult> UploadCustomerMatchAsync(CustomerMatchUpload upload, CancellationToken cancellationToken);
}
