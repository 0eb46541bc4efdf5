namespace Stays.Reviews;

// Guest reviews of stays.

/// <summary>A review. Prints review id, listing or property, the author's id and name, stars and text.</summary>
public sealed record GuestReview(string ReviewId, string ListingId, Guid AuthorId, string AuthorName, int Stars, string Text);

/// <summary>A listing's score. Prints listing id, average and count.</summary>
public sealed record ReviewScore(string ListingId, double Average, int Count);

/// <summary>A review was refused by moderation; quotes the review id and the rule.</summary>
public sealed class ReviewRejectedException(string reviewId, string rule) : Exception($"Review {reviewId} rejected by rule {rule}");
