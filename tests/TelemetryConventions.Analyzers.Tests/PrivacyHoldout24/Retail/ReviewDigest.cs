using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Azure.AI.ContentSafety;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout24.Telemetry;

namespace PrivacyHoldout24.Retail;

public sealed record ProductReview(string ReviewId, string Sku, string CustomerNumber, string DisplayName, int Stars, string Body, DateTimeOffset PostedAt);

/// <summary>
/// The "customers say" digest on product pages: a model summarises the latest reviews of a SKU, the
/// content-safety service checks the digest, and shoppers see one of four digest styles.
/// </summary>
public sealed class ReviewDigest(
    IChatClient chatClient,
    ContentSafetyClient contentSafety,
    TelemetrySecrets secrets,
    ILogger<ReviewDigest> logger)
{
    private static readonly ActivitySource Source = new("Shop.Reviews");

    private const string Model = "gpt-4o-mini-2024-07-18";

    private static readonly string[] Styles = ["pros-cons", "paragraph", "bullets", "one-liner"];

    public async Task<string> SummariseAsync(string sku, IReadOnlyList<ProductReview> reviews, string shopperCustomerNumber, CancellationToken cancellationToken)
    {
        using var span = Source.StartAssistantCompletion(Model);
        span.SetAssistantFeature("review-digest");
        Activity.Current?.SetTag("shop.reviews.count", reviews.Count); // clean precision-about
        Activity.Current?.SetTag("shop.reviews.stars.mean", Math.Round(reviews.Average(r => r.Stars), 1)); // clean precision-about
        logger.LogDebug("Digest of reviews {ReviewIds} for {Sku}", string.Join(",", reviews.Select(r => r.ReviewId)), sku); // clean precision-names

        var distinctReviewers = reviews.Select(r => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(r.CustomerNumber)))).Distinct().ToList();
        logger.LogDebug("Reviewer keys {ReviewerKeys}", string.Join(",", distinctReviewers)); // leak TC1002 hashes
        logger.LogDebug("Reviewed by {Reviewers}", string.Join(", ", reviews.Select(r => r.DisplayName))); // leak TC1001 logging-objects

        var style = Styles[HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(shopperCustomerNumber))[0] % Styles.Length];
        Activity.Current?.SetTag("shop.reviews.digest.style", style); // clean hashes

        var prompt = new StringBuilder($"Summarise what customers say about this product in the '{style}' style. Never name or quote a reviewer.\n");
        foreach (var review in reviews)
        {
            prompt.AppendLine($"{review.Stars}/5: {review.Body}");
        }

        logger.LogTrace("Review digest prompt {Prompt}", prompt.ToString()); // leak TC1001 strings
        var response = await chatClient.GetResponseAsync(prompt.ToString(), new ChatOptions { ModelId = Model }, cancellationToken);

        var safety = (await contentSafety.AnalyzeTextAsync(new AnalyzeTextOptions(response.Text), cancellationToken)).Value;
        var flagged = safety.CategoriesAnalysis.Where(c => c.Severity >= 2).Select(c => c.Category.Value).ToList();
        if (flagged.Count > 0)
        {
            span.AddAssistantSafetyFlaggedEvent("withheld", assistantNote: string.Join(",", flagged)); // clean precision-about
            return string.Empty;
        }

        span.SetAssistantTokensOutput(response.Usage?.OutputTokenCount ?? 0).SetAssistantPromptLength(prompt.Length);
        return response.Text;
    }
}
