using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout51.Support.MassTransit;
using PrivacyHoldout51.Support.Outbox;
using PrivacyHoldout51.Support.ServiceBus;
using PrivacyHoldout51.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout51.Energy;

public sealed record TariffSwitchRequested(Guid CorrelationId, string AccountNumber, string Mpan, string FromTariff, string ToTariff, string ContactEmail) : CorrelatedBy<Guid>;

public sealed record SupplyPointConfirmed(Guid CorrelationId, string Mpan, DateOnly EffectiveFrom) : CorrelatedBy<Guid>;

public sealed record SwitchRejectedByIndustry(Guid CorrelationId, string RejectionCode) : CorrelatedBy<Guid>;

public sealed class SwitchBlockedException(string message) : Exception(message);

public interface IDebtBlocks
{
    Task<bool> IsBlockedAsync(string accountNumber);
}

/// <summary>
/// A consumer saga, one instance per tariff switch; the repository persists its properties. The
/// correlation id is the switch request's id, made with <c>NewId</c> by the web app.
/// </summary>
public sealed class TariffSwitchSaga : ISaga, InitiatedBy<TariffSwitchRequested>, Orchestrates<SupplyPointConfirmed>, Orchestrates<SwitchRejectedByIndustry>
{
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = "Initial";

    public string AccountNumber { get; set; } = string.Empty;

    public string Mpan { get; set; } = string.Empty;

    public string ToTariff { get; set; } = string.Empty;

    public string ContactEmail { get; set; } = string.Empty;

    public DateTimeOffset RequestedAt { get; set; }

    public async Task Consume(ConsumeContext<TariffSwitchRequested> context)
    {
        var logger = context.GetServiceOrCreateInstance<ILogger<TariffSwitchSaga>>();
        var debtBlocks = context.GetServiceOrCreateInstance<IDebtBlocks>();
        AccountNumber = context.Message.AccountNumber;
        Mpan = context.Message.Mpan;
        ToTariff = context.Message.ToTariff;
        ContactEmail = context.Message.ContactEmail;
        RequestedAt = DateTimeOffset.UtcNow;

        var activity = Activity.Current;
        activity?.SetTag("saga.correlation_id", CorrelationId); // clean precision-names
        activity?.SetTag("switch.to_tariff", ToTariff); // clean precision-about
        activity?.SetTag("supply.distributor", Mpan[..2]); // clean precision-about
        activity?.SetTag("supply.account", AccountNumber); // leak TC1001 cross-member
        logger.LogInformation("Switch {CorrelationId} requested from {From} to {To}", CorrelationId, context.Message.FromTariff, ToTariff); // clean precision-names

        if (await debtBlocks.IsBlockedAsync(AccountNumber))
        {
            throw new SwitchBlockedException($"Account {AccountNumber} has a debt block; switch to {ToTariff} refused"); // leak TC1001 exceptions
        }

        CurrentState = "AwaitingIndustry";
    }

    public Task Consume(ConsumeContext<SupplyPointConfirmed> context)
    {
        var logger = context.GetServiceOrCreateInstance<ILogger<TariffSwitchSaga>>();
        CurrentState = "Confirmed";
        logger.LogDebug("Switch saga {@Saga}", this); // leak TC1001 logging-objects
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<SwitchRejectedByIndustry> context)
    {
        var logger = context.GetServiceOrCreateInstance<ILogger<TariffSwitchSaga>>();
        CurrentState = "Rejected";
        logger.LogWarning("Switch {CorrelationId} rejected with {Code} after {Hours:F1} h", CorrelationId, context.Message.RejectionCode, (DateTimeOffset.UtcNow - RequestedAt).TotalHours); // clean precision-about
        logger.LogWarning("Switch for MPAN {Mpan} rejected", Mpan); // leak TC1001 cross-member
        return Task.CompletedTask;
    }
}

/// <summary>Watches the faults of the switch saga and tells the customer operations team.</summary>
public sealed class TariffSwitchFaultConsumer(ILogger<TariffSwitchFaultConsumer> logger) : IConsumer<Fault<TariffSwitchRequested>>
{
    public Task Consume(ConsumeContext<Fault<TariffSwitchRequested>> context)
    {
        var fault = context.Message;
        using var span = TelemetrySpans.EnrichBusHandle(Activity.Current, "Fault<TariffSwitchRequested>", "switch-faults");
        span.SetBusCorrelationId(fault.Message.CorrelationId.ToString()); // clean generated-api
        span.SetBusOutcome($"faulted:{fault.Exceptions[0].ExceptionType}"); // clean exceptions
        span.SetBusNote(fault.Exceptions[0].Message); // leak TC1001 exceptions
        Activity.Current?.SetTag(BusAttributes.SubjectContact, fault.Message.ContactEmail); // leak TC1001 generated-api
        foreach (var exception in fault.Exceptions)
        {
            logger.LogError("Switch {CorrelationId} faulted with {ExceptionType}: {Message}", fault.Message.CorrelationId, exception.ExceptionType, exception.Message); // leak TC1001 exceptions
        }

        logger.LogWarning("Faulted switch request {@Request}", fault.Message); // leak TC1001 logging-objects
        return Task.CompletedTask;
    }
}

public sealed class SwitchPublisherOptions
{
    /// <summary>Adds the partition key to the publish-duration histogram (to find hot partitions).</summary>
    public bool RecordPartitionKeys { get; set; }
}

/// <summary>
/// Relays switch events from the outbox to the <c>tariff-switches</c> topic, which is partitioned
/// by account number so that one account's events stay in order.
/// </summary>
public sealed class SwitchOutboxPublisher(IOutboxStore outbox, ServiceBusSender sender, SwitchPublisherOptions options, ILogger<SwitchOutboxPublisher> logger)
{
    private static readonly ActivitySource Source = new("Supply.Switches");
    private static readonly Meter Meter = new("Supply.Switches");

    public async Task PublishPendingAsync(System.Threading.CancellationToken cancellationToken)
    {
        var duration = Meter.CreateBusHandleDurationHistogram();
        foreach (var row in await outbox.FetchPendingAsync(50, cancellationToken))
        {
            var started = Stopwatch.GetTimestamp();
            using var span = Source.StartBusHandle(row.Type, sender.EntityPath);
            span.SetBusPartitionKey(row.PartitionKey ?? string.Empty); // leak TC1001 generated-api
            var message = new ServiceBusMessage(BinaryData.FromString(row.Content)) { MessageId = row.Id.ToString(), PartitionKey = row.PartitionKey, Subject = row.Type };
            try
            {
                await sender.SendMessageAsync(message, cancellationToken);
                await outbox.MarkProcessedAsync(row.Id, cancellationToken);
            }
            catch (ServiceBusException ex) when (ex.IsTransient)
            {
                logger.LogWarning(ex, "Transient failure publishing {OutboxId} to {Entity}: {Reason}", row.Id, ex.EntityPath, ex.Reason); // clean exceptions
                continue;
            }

            if (options.RecordPartitionKeys)
            {
                duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, row.Type, sender.EntityPath, row.PartitionKey); // leak TC1003 generated-api
            }
            else
            {
                duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, row.Type, sender.EntityPath); // clean generated-api
            }
        }
    }
}
