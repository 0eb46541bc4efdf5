using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using TelemetryConventions;

namespace PrivacyHoldout42.Retail;

/// <summary>A connected coffee machine reports how many pods are left; the shop reorders for the customer who claimed it.</summary>
public sealed record PodLevelReport(string MachineSerial, string Model, int PodsLeft, string Firmware);

public sealed record MachineOwner(string CustomerNumber, string LoyaltyCardNumber, string Tier, string PreferredSku);

public sealed record ReorderResult(string OrderId, string Sku, int Quantity);

public interface IMachineOwners
{
    Task<MachineOwner?> OwnerOfAsync(string machineSerial, CancellationToken cancellationToken);
}

public interface IReorderClient
{
    Task<ReorderResult> PlaceAsync(string customerNumber, string sku, int quantity, CancellationToken cancellationToken);
}

/// <summary>The card on file was declined; the message is the payment gateway's fixed text and code.</summary>
public sealed class PaymentDeclinedException(string declineCode) : Exception($"Card declined (code {declineCode})");

public sealed class NoPaymentMethodException(string customerNumber)
    : Exception($"Customer {customerNumber} has no card on file for automatic reorders");

public static class ReorderTelemetry
{
    public static void TagCustomer(Activity? activity, string customerNumber, string tier)
    {
        activity?.SetTag("customer.number", customerNumber); // leak TC1001 direct
        activity?.SetTag("customer.tier", tier);
    }
}

public sealed class PodReorderService(
    IMachineOwners owners,
    IReorderClient reorders,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<PodReorderService> logger)
{
    private const int ReorderBelow = 6;
    private readonly Counter<long> _reorders = meter.CreateCounter<long>("pods.reorders", "{order}");
    private readonly ConcurrentDictionary<string, int> _levels = new();

    /// <summary>Registered once at start-up: the operations dashboard shows the pods left in every machine.</summary>
    public void RegisterGauges() =>
        meter.CreateObservableGauge("pods.level", () => _levels.Select(kv => new Measurement<int>(kv.Value, new KeyValuePair<string, object?>("machine.serial", kv.Key))), "{pod}"); // leak TC1003 direct

    public async Task OnReportAsync(PodLevelReport report, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope("Machine {MachineSerial}", report.MachineSerial); // leak TC1001 direct
        var activity = Activity.Current;
        activity?.SetTag("pods.left", report.PodsLeft); // clean precision-about
        activity?.SetTag("machine.model", report.Model);
        _levels[report.MachineSerial] = report.PodsLeft;
        if (report.PodsLeft >= ReorderBelow)
        {
            return;
        }

        var owner = await owners.OwnerOfAsync(report.MachineSerial, cancellationToken);
        if (owner is null)
        {
            logger.LogInformation("{Model} machine is not claimed; no reorder", report.Model); // clean precision-about
            return;
        }

        ReorderTelemetry.TagCustomer(activity, owner.CustomerNumber, owner.Tier); // leak TC1001 cross-member
        activity?.SetTag("loyalty.card.last4", owner.LoyaltyCardNumber[^4..]); // clean precision-about
        try
        {
            var order = await reorders.PlaceAsync(owner.CustomerNumber, owner.PreferredSku, 50, cancellationToken);
            logger.LogInformation("Automatic reorder {OrderId} placed for {Sku}", order.OrderId, order.Sku); // clean precision-names
            _reorders.Add(1, new KeyValuePair<string, object?>("customer.tier", owner.Tier)); // clean precision-names
        }
        catch (PaymentDeclinedException ex)
        {
            activity?.AddException(ex); // clean exceptions
        }
        catch (NoPaymentMethodException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogInformation("Reorder skipped for customer {CustomerRef}", pseudonymizer.Compute("retail.customer", owner.CustomerNumber)); // clean precision-pseudonym
        }
    }
}
