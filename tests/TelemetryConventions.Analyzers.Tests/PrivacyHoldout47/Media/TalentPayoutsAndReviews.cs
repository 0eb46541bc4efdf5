using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout47.Support;
using PrivacyHoldout47.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout47.Media;

public sealed record FanReview(string ReviewId, string OrderId, Guid TalentId, string FanDisplayName, int Stars, string Comment);

public sealed record TalentReply(string ReviewId, Guid TalentId, string Reply);

public sealed record TalentPayoutRun(string RunId, IReadOnlyDictionary<string, decimal> AmountByHandle, decimal CommissionRate);

public static partial class TalentLog
{
    [LoggerMessage(EventId = 4751, Level = LogLevel.Information, Message = "Review {ReviewId} from {FanName}: {Stars} stars")]
    public static partial void ReviewPosted(ILogger logger, string reviewId, string fanName, int stars);

    [LoggerMessage(EventId = 4752, Level = LogLevel.Information, Message = "Talent replied to review {ReviewId} ({Length} characters)")]
    public static partial void ReplyPosted(ILogger logger, string reviewId, int length);

    [LoggerMessage(EventId = 4753, Level = LogLevel.Information, Message = "Payout run {RunId} for talent {Talent}")]
    public static partial void PayoutFor(ILogger logger, string runId, Pseudonym talent);
}

public sealed class TalentReviewService(ILogger<TalentReviewService> logger)
{
    private static readonly ActivitySource Source = new("Marketplace.Shoutouts.Reviews");

    public void Post(FanReview review)
    {
        using var activity = Source.StartActivity("shoutout.review.post");
        activity?.SetTag("review.order.id", review.OrderId); // clean precision-about
        activity?.SetTag("review.has_comment", !string.IsNullOrWhiteSpace(review.Comment)); // clean precision-about
        TalentLog.ReviewPosted(logger, review.ReviewId, review.FanDisplayName, review.Stars); // leak TC1001 logging-objects
        activity?.AddEvent(new ActivityEvent("review.posted", tags: new ActivityTagsCollection { ["comment"] = review.Comment })); // leak TC1001 strings
    }

    public void Reply(TalentReply reply)
    {
        TalentLog.ReplyPosted(logger, reply.ReviewId, reply.Reply.Length); // clean precision-about
        logger.LogDebug("Reply text: {Reply}", reply.Reply); // leak TC1001 strings
    }
}

public sealed class TalentPayoutRunner(IConnectPayments payments, ILogger<TalentPayoutRunner> logger, Pseudonymizer pseudonymizer)
{
    public async Task RunAsync(TalentPayoutRun run, IReadOnlyDictionary<string, (Guid TalentId, string ConnectedAccount)> accounts, CancellationToken cancellationToken)
    {
        logger.LogInformation("Payout run {RunId}: {Amounts}", run.RunId, run.AmountByHandle); // leak TC1001 logging-objects
        logger.LogInformation("Payout run {RunId}: {Count} talent, total {Total}", run.RunId, run.AmountByHandle.Count, run.AmountByHandle.Values.Sum()); // clean precision-about

        foreach (var (handle, amount) in run.AmountByHandle)
        {
            var (talentId, account) = accounts[handle];
            TalentLog.PayoutFor(logger, run.RunId, pseudonymizer.PseudonymizeMarketPartyId(talentId.ToString())); // clean precision-pseudonym
            try
            {
                var net = amount * (1 - run.CommissionRate);
                var transfer = await payments.CreateTransferAsync(account, (long)(net * 100), "gbp", $"{run.RunId}:{talentId:N}", cancellationToken);
                Activity.Current?.AddEvent(new ActivityEvent("payout.transfer", tags: new ActivityTagsCollection { ["transfer.id"] = transfer.Id, ["status"] = transfer.Status })); // clean precision-about
            }
            catch (PaymentProviderException ex)
            {
                logger.LogWarning("Transfer for {Handle} failed: {Code}", handle, ex.Code); // leak TC1001 direct
                logger.LogWarning(ex, "Transfer failed with decline code {DeclineCode}", ex.DeclineCode); // clean exceptions
            }
        }
    }
}
