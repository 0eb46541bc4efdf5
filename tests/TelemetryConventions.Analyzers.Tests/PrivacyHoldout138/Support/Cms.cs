namespace PressKit.Cms;

/// <summary>A person who writes for a title: staff or freelance. Prints its members.</summary>
public sealed record Contributor(string ContributorId, string DisplayName, string Email, string? Mobile, string? PressCardNumber, bool Freelance);

/// <summary>One name on a piece: the contributor, the name as printed and the role. Prints its members.</summary>
public sealed record Byline(string ContributorId, string PrintedName, string Role);

/// <summary>A draft handed to the CMS. Prints its members; the bylines list prints as its type's name.</summary>
public sealed record ArticleDraft(string ArticleId, string Slug, string Section, string Headline, List<Byline> Bylines, int WordCount, bool Embargoed);

/// <summary>What the CMS returns once a revision is live. Prints its members.</summary>
public sealed record PublishResult(string ArticleId, int Revision, DateTimeOffset PublishedAt, Uri CanonicalUrl);

public interface ICmsClient
{
    Task<PublishResult> PublishAsync(ArticleDraft draft, CancellationToken cancellationToken = default);

    Task<Contributor?> FindContributorAsync(string contributorId, CancellationToken cancellationToken = default);

    Task<Contributor?> FindContributorByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task UnpublishAsync(string articleId, string reason, CancellationToken cancellationToken = default);
}

/// <summary>Someone else saved the article first; quotes the article and the revision expected.</summary>
public sealed class CmsConflictException(string articleId, int expectedRevision)
    : Exception($"Article {articleId} changed after revision {expectedRevision}")
{
    public string ArticleId { get; } = articleId;
}

/// <summary>A byline names no contributor account; quotes the email the desk typed.</summary>
public sealed class BylineRejectedException(string email)
    : Exception($"No contributor account matches '{email}'")
{
    public string Reason => "unknown-contributor";
}
