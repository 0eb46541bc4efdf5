using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;
using PrivacyHoldout39.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout39.Retail;

// Product reviews and questions on the shop. Reviews from verified purchases are published at once;
// the others go through the fake-review model. Reviewers earn "top reviewer" status from helpful votes.

public sealed record ProductReview(
    Guid ReviewId,
    string Sku,
    string CustomerId,
    string ReviewerName,
    string Email,
    int Rating,
    string Headline,
    string Body,
    bool VerifiedPurchase);

public sealed record ReviewerStanding(string CustomerId, string ReviewerName, int HelpfulVotes, string Badge);

public interface IFakeReviewModel
{
    Task<double> ScoreAsync(ProductReview review, CancellationToken cancellationToken);
}

public sealed class ProductReviewService(
    IFakeReviewModel model,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<ProductReviewService> logger)
{
    private static readonly ActivitySource Source = new("Shop.Reviews");
    private readonly Counter<long> _reviews = meter.CreateCounter<long>("shop.reviews.submitted");

    public async Task<string> SubmitAsync(ProductReview review, CancellationToken cancellationToken)
    {
        using var publish = Source.StartCommunityPublish("review");
        publish.SetCommunityMemberId(pseudonymizer.PseudonymizeCommunityMemberId(review.CustomerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("product.sku", review.Sku); // clean precision-about
        Activity.Current?.SetTag("review.verified_purchase", review.VerifiedPurchase); // clean precision-about
        _reviews.Add(1, new KeyValuePair<string, object?>("rating", review.Rating), new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeCommunityMemberId(review.CustomerId))); // leak TC1003 precision-pseudonym

        if (review.VerifiedPurchase)
        {
            return "published";
        }

        var score = await model.ScoreAsync(review, cancellationToken);
        Activity.Current?.SetTag("review.fake_score", score); // clean precision-about
        var emailKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(review.Email.Trim().ToLowerInvariant())));
        Activity.Current?.SetTag("review.reviewer_key", emailKey); // leak TC1002 hashes
        if (score > 0.8)
        {
            publish.AddCommunityContentRejectedEvent("review", communityNote: $"fake score {score:0.00}"); // clean strings
            logger.LogWarning("Suspected fake review of {Sku}: \"{Headline}\" by {ReviewerName}", review.Sku, review.Headline, review.ReviewerName); // leak TC1001 direct
            return "rejected";
        }

        return "pending";
    }
}

public sealed class TopReviewerBoard(ILogger<TopReviewerBoard> logger)
{
    private static readonly ActivitySource Source = new("Shop.Reviews.Board");

    public void Publish(IReadOnlyList<ReviewerStanding> standings)
    {
        var top = standings.OrderByDescending(s => s.HelpfulVotes).Take(10).ToList();
        using var activity = Source.StartActivity("reviews.board.publish");
        activity?.SetTag("board.size", top.Count); // clean precision-about
        activity?.SetTag("board.top_votes", top.FirstOrDefault()?.HelpfulVotes ?? 0); // clean precision-about
        activity?.SetTag("board.badges", string.Join(",", top.Select(s => s.Badge).Distinct())); // clean precision-about
        logger.LogInformation("Top reviewers this week: {Names}", string.Join(", ", top.Select(s => s.ReviewerName))); // leak TC1001 logging-objects
        foreach (var standing in top)
        {
            logger.LogDebug("Standing {Standing}", standing); // leak TC1001 logging-objects
        }
    }
}
