namespace Salon.Makeover;

// A broadcaster's makeover show, a salon review site and a tattoo studio's portfolio.

/// <summary>An application to be on the show. Prints application id, applicant's name, email, mobile, story, town and age.</summary>
public sealed record CastingApplication(string ApplicationId, string ApplicantName, string Email, string Mobile, string Story, string Town, int Age);

/// <summary>A review of a salon. Prints review id, salon id, reviewer's handle, stars and text.</summary>
public sealed record SalonReview(string ReviewId, string SalonId, string ReviewerHandle, int Stars, string Text);

/// <summary>A photo of healed work for the studio's portfolio. Prints photo id, studio, artist's staff id, client number, consent and placement.</summary>
public sealed record PortfolioPhoto(string PhotoId, string Studio, string ArtistStaffId, string ClientNumber, bool ConsentGiven, string Placement);

/// <summary>An episode slot. Prints episode id, series, episode number and salon.</summary>
public sealed record EpisodeSlot(string EpisodeId, string Series, int Episode, string Salon);

/// <summary>The casting desk and the review store; not telemetry.</summary>
public interface ICastingDesk
{
    Task<string> ShortlistAsync(string applicationId, string episodeId, CancellationToken cancellationToken = default);

    Task PublishReviewAsync(SalonReview review, CancellationToken cancellationToken = default);
}

/// <summary>No consent for a photo; quotes the client number and the photo.</summary>
public sealed class ConsentMissingException(string clientNumber, string photoId) : Exception($"No photo consent from client {clientNumber} for {photoId}");

/// <summary>A review was rejected; quotes the review and a reason code.</summary>
public sealed class ReviewRejectedException(string reviewId, string reason) : Exception($"Review {reviewId} rejected: {reason}");

/// <summary>An applicant withdrew; quotes the applicant's name.</summary>
public sealed class ApplicantWithdrawnException(string applicantName) : Exception($"{applicantName} withdrew from casting");
