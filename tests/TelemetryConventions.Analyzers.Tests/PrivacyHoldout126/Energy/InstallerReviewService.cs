namespace PrivacyHoldout126.Energy;

/// <summary>A completed install (heat pump, smart meter, solar) that the household can review.</summary>
public sealed record InstallJob(string JobNumber, string InstallerId, string InstallerName, string AccountNumber, string MeterSerial, string Postcode, string Product, DateTimeOffset CompletedAt);

public sealed class ReviewWindowClosedException(string jobNumber, DateTimeOffset closedAt)
    : Exception($"Reviews for job {jobNumber} closed at {closedAt:O}");

public sealed class InstallerReviewService(IReviewPlatform platform, Pseudonymizer pseudonymizer, ILogger<InstallerReviewService> logger)
{
    private static readonly ActivitySource Source = new("Energy.InstallerReviews");
    private static readonly Meter Meter = new("Energy.InstallerReviews");
    private static readonly Counter<long> Ratings = Meter.CreateCounter<long>("installer.reviews.ratings");
    private string? _lastAccount;
    private string? _lastInstaller;

    public async Task<Review?> SubmitAsync(InstallJob job, int stars, string title, string text, string nickname, CancellationToken cancellationToken)
    {
        _lastAccount = job.AccountNumber;
        _lastInstaller = job.InstallerId;
        using var span = Source.StartInstallrevSubmit(job.JobNumber)
            .SetInstallrevInstaller(job.InstallerId) // clean precision-names
            .SetInstallrevRating(stars) // clean precision-about
            .SetInstallrevAuthorId(pseudonymizer.PseudonymizeInstallrevAuthorId(job.AccountNumber)); // clean precision-pseudonym

        span.Activity?.SetTag("installrev.installer.name", job.InstallerName); // clean precision-names
        span.Activity?.SetTag("installrev.product", job.Product); // clean precision-names
        span.Activity?.SetTag("installrev.postcode.district", job.Postcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("installrev.postcode", job.Postcode); // leak TC1001 direct
        logger.LogInformation("Review of job {Job} for account {Account}", job.JobNumber, job.AccountNumber); // leak TC1001 direct
        logger.LogDebug("Install job {Job}", job); // leak TC1001 logging-objects
        Ratings.Add(1, new KeyValuePair<string, object?>("installer", job.InstallerId), new("stars", stars)); // clean precision-names

        try
        {
            if (DateTimeOffset.UtcNow - job.CompletedAt > TimeSpan.FromDays(90))
            {
                throw new ReviewWindowClosedException(job.JobNumber, job.CompletedAt.AddDays(90));
            }

            var review = await platform.SubmitReviewAsync(new ReviewSubmission(job.InstallerId, job.AccountNumber, nickname, null, stars, title, text), cancellationToken);
            span.SetInstallrevReviewId(review.Id).SetInstallrevOutcome("published"); // clean generated-api
            logger.LogInformation("Review {ReviewId} by {Nickname} published", review.Id, review.AuthorNickname); // leak TC1001 direct
            span.SetInstallrevNote($"{stars} stars for {job.Product} by {job.InstallerName}"); // clean generated-api
            return review;
        }
        catch (ReviewWindowClosedException ex)
        {
            logger.LogWarning(ex, "Review window closed"); // clean exceptions
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return null;
        }
    }

    public void LogInstallerSummary(string installerId, IReadOnlyList<Review> reviews)
    {
        var oneStar = reviews.Where(r => r.Rating == 1).ToList();
        logger.LogInformation("Installer {Installer}: {Count} reviews, {OneStar} one-star", installerId, reviews.Count, oneStar.Count); // clean precision-about
        logger.LogInformation("One-star reviewers for {Installer}: {Reviewers}", installerId, oneStar.Select(r => r.AuthorId)); // leak TC1001 logging-objects
        logger.LogInformation("One-star headlines {Titles}", string.Join(" | ", oneStar.Select(r => r.Title))); // leak TC1001 strings
        var installers = reviews.Select(r => r.SubjectId).Distinct().ToList();
        logger.LogDebug("Installers reviewed {Installers}", installers); // clean precision-names
        logger.LogDebug("Last review came from account {Account}", _lastAccount); // leak TC1001 cross-member
        logger.LogDebug("Last review was of installer {Installer}", _lastInstaller); // clean cross-member
    }
}
