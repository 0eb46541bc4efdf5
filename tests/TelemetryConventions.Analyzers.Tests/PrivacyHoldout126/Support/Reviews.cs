namespace ReviewKit;

// A review platform client in the shape of the hosted ratings-and-reviews APIs (Bazaarvoice's
// Conversations API, Yotpo, PowerReviews): submissions with the author's nickname, email and location,
// reviews with their status and photos, questions and answers, reviewer profiles with badges, and the
// platform's form errors.

public enum ReviewStatus
{
    Submitted,
    Pending,
    Approved,
    Rejected,
    Removed,
}

/// <summary>A badge the platform awards (<c>top-contributor</c>, <c>verified-buyer</c>, <c>staff</c>). Prints its members.</summary>
public sealed record Badge(string Code, string Label, int Tier);

/// <summary>A reviewer as the platform keeps them: their account id, the nickname shown on reviews, where they say they are. Prints its members (lists as their type's name).</summary>
public sealed record ReviewerProfile(string ReviewerId, string Nickname, string? Location, int ReviewCount, int HelpfulVotes)
{
    public IReadOnlyList<Badge> Badges { get; init; } = Array.Empty<Badge>();

    public DateTimeOffset MemberSince { get; init; }
}

/// <summary>A photo or video attached to a review, answer or item. Prints its members.</summary>
public sealed record MediaRef(string MediaId, string Kind, string Url);

/// <summary>What the author sends from the review form. Prints its members (lists as their type's name).</summary>
public sealed record ReviewSubmission(string SubjectId, string AuthorId, string Nickname, string? Email, int Rating, string Title, string ReviewText)
{
    public string? Location { get; init; }

    public bool? IsRecommended { get; init; }

    public IReadOnlyList<string> PhotoIds { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    public string? IpAddress { get; init; }

    public string? Locale { get; init; }
}

/// <summary>A stored review. Prints its members (lists as their type's name).</summary>
public sealed record Review(string Id, string SubjectId, string AuthorId, string AuthorNickname, int Rating, string Title, string ReviewText, DateTimeOffset SubmittedAt)
{
    public ReviewStatus Status { get; init; } = ReviewStatus.Submitted;

    public IReadOnlyList<MediaRef> Media { get; init; } = Array.Empty<MediaRef>();

    public bool IsVerified { get; init; }

    public int HelpfulVotes { get; init; }

    public int NotHelpfulVotes { get; init; }

    public string? Locale { get; init; }
}

/// <summary>A question asked on a product, module or practice page. Prints its members.</summary>
public sealed record Question(string Id, string SubjectId, string AuthorId, string AuthorNickname, string QuestionText, DateTimeOffset AskedAt);

/// <summary>An answer; <c>IsBrandAnswer</c> when the organisation's staff wrote it. Prints its members.</summary>
public sealed record Answer(string Id, string QuestionId, string AuthorId, string AuthorNickname, string AnswerText, bool IsBrandAnswer);

/// <summary>The platform's own moderation result for a submission. Prints its members (lists as their type's name).</summary>
public sealed record ModerationResult(string SubmissionId, ReviewStatus Status, IReadOnlyList<string> ReasonCodes, string? ModeratorId, DateTimeOffset DecidedAt);

/// <summary>
/// The platform's form error, as the Conversations API returns it: a status, a code such as
/// <c>ERROR_FORM_DUPLICATE</c> or <c>ERROR_FORM_TOO_SHORT</c>, and the field, never its value.
/// </summary>
public sealed class ReviewApiException(int status, string code, string? field)
    : Exception(field is null ? $"{status} {code}" : $"{status} {code} (field: {field})")
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string? Field { get; } = field;
}

public interface IReviewPlatform
{
    Task<Review> SubmitReviewAsync(ReviewSubmission submission, CancellationToken cancellationToken = default);

    Task<Review?> GetReviewAsync(string reviewId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Review>> ReviewsForAsync(string subjectId, int limit, CancellationToken cancellationToken = default);

    Task<ReviewerProfile> GetProfileAsync(string reviewerId, CancellationToken cancellationToken = default);

    Task<Question> AskAsync(string subjectId, string authorId, string nickname, string text, CancellationToken cancellationToken = default);

    Task<Answer> AnswerAsync(string questionId, string authorId, string nickname, string text, bool asBrand, CancellationToken cancellationToken = default);

    Task SetStatusAsync(string reviewId, ReviewStatus status, IReadOnlyList<string> reasonCodes, CancellationToken cancellationToken = default);

    Task AwardBadgeAsync(string reviewerId, Badge badge, CancellationToken cancellationToken = default);
}
