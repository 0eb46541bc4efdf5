using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;
using PrivacyHoldout39.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout39.Energy;

// The supplier's installer marketplace: customers who had a heat pump, solar panels or a battery fitted
// review the installer. Installers are accredited companies. Reviews go through a fake-review check
// before they are published, and installers can dispute a review.

public sealed record InstallerReview(
    Guid ReviewId,
    string InstallerId,
    string AccountNumber,
    string Postcode,
    int Stars,
    string Title,
    string Body,
    string JobReference);

public sealed record ReviewSignals(IPAddress ClientAddress, string UserAgent, int ReviewsFromAddressToday, bool JobCompleted);

public sealed class ReviewRejectedException(string reason, string accountNumber)
    : Exception($"Review rejected ({reason}) for account {accountNumber}")
{
    public string Reason { get; } = reason;
}

public interface IInstallerReviewStore
{
    Task PublishAsync(InstallerReview review, CancellationToken cancellationToken);

    Task<bool> HasReviewedAsync(string accountNumber, string installerId, CancellationToken cancellationToken);
}

public sealed class InstallerReviewService(
    IInstallerReviewStore store,
    IContentSafetyClient safety,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<InstallerReviewService> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Marketplace.Reviews");
    private readonly Counter<long> _suspected = meter.CreateCounter<long>("marketplace.reviews.suspected");

    public async Task SubmitAsync(InstallerReview review, ReviewSignals signals, CancellationToken cancellationToken)
    {
        using var publish = Source.StartCommunityPublish("review");
        publish.SetCommunityContentLength(review.Body.Length); // clean precision-about
        Activity.Current?.SetTag("marketplace.installer.id", review.InstallerId); // clean precision-names
        Activity.Current?.SetTag("marketplace.review.stars", review.Stars); // clean precision-about
        Activity.Current?.SetTag("marketplace.review.district", review.Postcode.Split(' ')[0]); // clean precision-about

        try
        {
            await CheckAsync(review, signals, cancellationToken);
        }
        catch (ReviewRejectedException ex)
        {
            publish.AddCommunityContentRejectedEvent("review", communityNote: ex.Reason); // clean exceptions
            publish.RecordException(ex); // clean exceptions
            logger.LogWarning("Review {ReviewId} rejected: {Message}", review.ReviewId, ex.Message); // leak TC1001 exceptions
            return;
        }

        await store.PublishAsync(review, cancellationToken);
        logger.LogInformation("Published review {ReviewId} titled {Title}", review.ReviewId, review.Title); // leak TC1001 direct
    }

    private async Task CheckAsync(InstallerReview review, ReviewSignals signals, CancellationToken cancellationToken)
    {
        if (await store.HasReviewedAsync(review.AccountNumber, review.InstallerId, cancellationToken))
        {
            throw new ReviewRejectedException("duplicate", review.AccountNumber);
        }

        logger.LogDebug("Fake-review signals {@Signals}", signals); // leak TC1001 logging-objects
        if (signals.ReviewsFromAddressToday > 3)
        {
            _suspected.Add(1, new KeyValuePair<string, object?>("signal", "velocity"), new KeyValuePair<string, object?>("client.address", signals.ClientAddress.ToString())); // leak TC1003 direct
            logger.LogWarning("Review velocity from {ClientAddress}: {Count} today", signals.ClientAddress, signals.ReviewsFromAddressToday); // leak TC1001 direct
            throw new ReviewRejectedException("velocity", review.AccountNumber);
        }

        if (!signals.JobCompleted)
        {
            _suspected.Add(1, new KeyValuePair<string, object?>("signal", "no-completed-job")); // clean precision-about
            logger.LogInformation("No completed job {JobReference} behind review by {AccountRef}", review.JobReference, pseudonymizer.ComputeModerationSubjectId(review.AccountNumber)); // clean precision-pseudonym
            throw new ReviewRejectedException("no-job", review.AccountNumber);
        }

        var analysis = await safety.AnalyzeTextAsync(new AnalyzeTextOptions($"{review.Title}\n{review.Body}"), cancellationToken);
        Activity.Current?.SetTag("marketplace.review.max_severity", analysis.MaxSeverity); // clean precision-about
        logger.LogDebug("Safety categories {Categories}", analysis.CategoriesAnalysis.Select(c => $"{c.Category}:{c.Severity}")); // clean precision-about
        Activity.Current?.SetTag("http.user_agent", signals.UserAgent); // clean precision-names
    }
}

// Installers may dispute a review; the dispute carries the installer's own statement and is reviewed by
// the marketplace team.
public sealed record ReviewDispute(Guid DisputeId, Guid ReviewId, string InstallerId, string Statement, string ReviewerAccountNumber);

public sealed class ReviewDisputeHandler(ILogger<ReviewDisputeHandler> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Supplier.Marketplace.Disputes");

    public void Open(ReviewDispute dispute)
    {
        using var review = Source.StartModerationReview("installer-disputes");
        review.SetModerationCaseId(dispute.DisputeId.ToString()); // clean precision-about
        review.SetModerationSubjectId(pseudonymizer.PseudonymizeModerationSubjectId(dispute.ReviewerAccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("dispute.reviewer_account", dispute.ReviewerAccountNumber); // leak TC1001 direct
        logger.LogInformation("Dispute {DisputeId} on review {ReviewId} from installer {InstallerId}", dispute.DisputeId, dispute.ReviewId, dispute.InstallerId); // clean precision-names
    }
}
