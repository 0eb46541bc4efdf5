using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Dataflow;
using Microsoft.Extensions.Logging;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Retail;

public sealed record OrderLine(string Sku, int Quantity, string BinLocation);

public sealed record PaidOrder(string OrderId, string CustomerNumber, string CustomerEmail, string? LoyaltyCardNumber, string DeliveryPostcode, string Warehouse, bool NextDay, IReadOnlyList<OrderLine> Lines);

public sealed record PickWave(Guid WaveId, string Warehouse, IReadOnlyList<PaidOrder> Orders, bool Priority)
{
    public override string ToString() => $"wave {WaveId} at {Warehouse}: {Orders.Count} orders{(Priority ? ", priority" : "")}";
}

public interface IWarehouseControl
{
    Task ReleaseAsync(PickWave wave, CancellationToken cancellationToken);
}

/// <summary>Thrown by the warehouse control system when a line's bin is empty.</summary>
public sealed class BinEmptyException(string sku, string binLocation) : Exception($"Bin {binLocation} has no stock of {sku}");

/// <summary>Thrown when an order cannot be placed in a wave; the message is shown to the support agent.</summary>
public sealed class UnplannableOrderException(PaidOrder order, string reason)
    : Exception($"Order {order.OrderId} for {order.CustomerEmail} cannot be planned: {reason}");

/// <summary>
/// Plans picking waves: paid orders are grouped into waves of 40 per warehouse, next-day orders
/// into priority waves of 10 that go first, and each wave is released to the warehouse control
/// system.
/// </summary>
public sealed class WavePlanner
{
    private static readonly ActivitySource Source = new("Fulfil.Waves");

    private readonly ITargetBlock<PaidOrder> _entry;
    private readonly Task _completion;
    private readonly ILogger<WavePlanner> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly Meter _meter;

    public WavePlanner(IWarehouseControl control, Pseudonymizer pseudonymizer, Meter meter, ILogger<WavePlanner> logger)
    {
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _meter = meter;

        var check = new TransformBlock<PaidOrder, PaidOrder?>(order =>
        {
            try
            {
                return Plannable(order);
            }
            catch (UnplannableOrderException ex)
            {
                _logger.LogWarning(ex, "Order held back from planning"); // leak TC1001 exceptions
                Activity.Current?.AddEvent(new ActivityEvent("fulfil.order.held", tags: new ActivityTagsCollection { ["fulfil.order.id"] = order.OrderId, ["fulfil.lines"] = order.Lines.Count })); // clean direct
                return null;
            }
        });
        var priority = new BatchBlock<PaidOrder?>(10);
        var standard = new BatchBlock<PaidOrder?>(40);
        var toWave = new TransformBlock<PaidOrder?[], PickWave>(orders =>
        {
            var planned = orders.OfType<PaidOrder>().ToList();
            return new PickWave(Guid.NewGuid(), planned[0].Warehouse, planned, planned.All(o => o.NextDay));
        });
        var release = new ActionBlock<PickWave>(
            async wave =>
            {
                var started = Stopwatch.GetTimestamp();
                using var span = Source.StartFulfilWave(wave.Warehouse) // clean generated-api
                    .SetFulfilWaveSize(wave.Orders.Count);
                span.SetFulfilNote(wave.ToString()); // clean generated-api
                span.Activity?.SetTag("fulfil.wave.label", $"{wave.Warehouse}/{(wave.Priority ? "P" : "S")}/{wave.Orders.Count}"); // clean strings
                try
                {
                    await control.ReleaseAsync(wave, CancellationToken.None);
                    _logger.LogInformation("Released {Wave}", wave); // clean logging-objects
                }
                catch (BinEmptyException ex)
                {
                    span.RecordException(ex, includeMessage: true); // clean exceptions
                    _logger.LogError(ex, "Wave {WaveId} not released; orders {Orders}", wave.WaveId, wave.Orders.Select(o => o.OrderId)); // clean exceptions
                    _logger.LogError("Wave {WaveId} not released; customers to contact: {Customers}", wave.WaveId, string.Join(", ", wave.Orders.Select(o => o.CustomerEmail))); // leak TC1001 cross-member
                }
                _meter.CreateFulfilWaveDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, wave.Warehouse); // clean generated-api
            },
            new ExecutionDataflowBlockOptions { MaxDegreeOfParallelism = 2 });

        var propagate = new DataflowLinkOptions { PropagateCompletion = true };
        check.LinkTo(DataflowBlock.NullTarget<PaidOrder?>(), o => o is null);
        check.LinkTo(priority, propagate, o => o!.NextDay);
        check.LinkTo(standard, propagate);
        priority.LinkTo(toWave);
        standard.LinkTo(toWave);
        toWave.LinkTo(release, propagate);

        _entry = check;
        _completion = Task.WhenAll(priority.Completion, standard.Completion).ContinueWith(_ => toWave.Complete());
    }

    public async Task<bool> SubmitAsync(PaidOrder order, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("fulfil.order.submit");
        activity.EnrichFulfilOrder(order.OrderId) // clean generated-api
            .SetFulfilCustomerId(_pseudonymizer.PseudonymizeFulfilCustomerId(order.CustomerNumber)); // clean precision-pseudonym
        if (order.LoyaltyCardNumber is { } card)
        {
            new FulfilOrderSpan(activity).SetFulfilLoyaltyCard(_pseudonymizer.PseudonymizeFulfilLoyaltyCard(card)); // clean precision-pseudonym
            activity?.SetTag("fulfil.loyalty.last4", card[^4..]); // clean precision-about
        }
        activity?.SetTag("fulfil.delivery.district", order.DeliveryPostcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("fulfil.delivery.postcode", order.DeliveryPostcode); // leak TC1001 direct
        var accepted = await _entry.SendAsync(order, cancellationToken);
        if (!accepted)
        {
            _logger.LogWarning("Wave planner closed; order {OrderId} of customer {CustomerNumber} waits for the next run", order.OrderId, order.CustomerNumber); // leak TC1001 direct
        }
        return accepted;
    }

    private static PaidOrder Plannable(PaidOrder order) =>
        order.Lines.Count == 0 ? throw new UnplannableOrderException(order, "no lines")
        : order.Lines.Any(l => l.Quantity > 50) ? throw new UnplannableOrderException(order, "bulk quantity")
        : order;
}
