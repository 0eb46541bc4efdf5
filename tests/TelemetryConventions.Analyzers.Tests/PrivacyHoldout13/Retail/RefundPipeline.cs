using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout13.Support;

namespace PrivacyHoldout13.Retail;

public sealed record RefundRequested(Guid RefundId, string OrderId, string CustomerEmail, decimal Amount, string Reason);

public interface IPaymentGateway
{
    Task RefundAsync(string orderId, decimal amount, CancellationToken cancellationToken);
}

/// <summary>
/// Refund requests from the returns desk go through a channel to one worker, which makes each
/// refund once (keyed by the request's id) and sends large ones to manual review.
/// </summary>
public sealed class RefundPipeline(IPaymentGateway gateway, IIdempotencyStore idempotency, ILogger<RefundPipeline> logger)
{
    private const decimal ReviewThreshold = 500m;
    private static readonly ActivitySource Source = new("Shop.Refunds");
    private static readonly Meter Meter = new("Shop.Refunds");
    private static readonly Counter<long> Refunds = Meter.CreateCounter<long>("shop.refunds", "{refund}");
    private readonly Channel<RefundRequested> _requests = Channel.CreateBounded<RefundRequested>(256);

    public ValueTask SubmitAsync(RefundRequested request, CancellationToken ct) => _requests.Writer.WriteAsync(request, ct);

    public async Task RunAsync(CancellationToken ct)
    {
        await foreach (var refund in _requests.Reader.ReadAllAsync(ct))
        {
            using var activity = Source.StartActivity("shop.refund");
            activity?.SetTag("shop.refund.id", refund.RefundId); // clean precision-about
            activity?.SetTag("shop.order.id", refund.OrderId); // clean precision-about

            if (!await idempotency.TryBeginAsync($"refund:{refund.RefundId}", TimeSpan.FromDays(30), ct))
            {
                activity?.SetTag("shop.refund.duplicate", true);
                continue;
            }

            if (refund.Amount >= ReviewThreshold)
            {
                logger.LogWarning("Refund sent to manual review: {Refund}", refund); // leak TC1001 logging-objects
                Refunds.Add(1, RefundTags(refund.Reason, refund.CustomerEmail)); // leak TC1003 cross-member
                continue;
            }

            await gateway.RefundAsync(refund.OrderId, refund.Amount, ct);
            Refunds.Add(1, new KeyValuePair<string, object?>("reason", refund.Reason), new KeyValuePair<string, object?>("outcome", "paid")); // clean precision-about
            await idempotency.CompleteAsync($"refund:{refund.RefundId}", ct);
        }
    }

    /// <summary>Review refunds are counted per reason and per requester so that abuse stands out.</summary>
    private static TagList RefundTags(string reason, string requester)
    {
        var tags = new TagList();
        tags.Add("reason", reason);
        tags.Add("outcome", "review");
        tags.Add("requester", requester);
        return tags;
    }
}
