using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout23.Support.Messaging;
using PrivacyHoldout23.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout23.Energy;

public sealed record MeterReadingIntegrationEvent(Guid ReadingId, string AccountNumber, string MeterSerial, decimal Kwh, DateOnly ReadOn) : IntegrationEvent;

public sealed record TariffChangedIntegrationEvent(string AccountNumber, string Tariff) : IntegrationEvent;

internal sealed class WriteReadingToOutbox(IOutboxStore outbox) : INotificationHandler<MeterReadingRecorded>
{
    public Task Handle(MeterReadingRecorded notification, CancellationToken cancellationToken)
    {
        var integrationEvent = new MeterReadingIntegrationEvent(notification.ReadingId.Value, notification.Account.Value, notification.Meter.Value, notification.Kwh, notification.ReadOn);

        // The readings topic is keyed by meter serial so that one meter's readings stay in order.
        return outbox.AddAsync(new OutboxMessage
        {
            Type = nameof(MeterReadingIntegrationEvent),
            Content = JsonSerializer.Serialize(integrationEvent),
            OccurredOnUtc = notification.OccurredOn.UtcDateTime,
            Destination = "meter.readings.v2",
            PartitionKey = notification.Meter.Value,
        }, cancellationToken);
    }
}

internal sealed class TariffChangedHandler : INotificationHandler<TariffChanged>
{
    private readonly IOutboxStore _outbox;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<TariffChangedHandler> _logger;
    private readonly Counter<long> _switches;

    public TariffChangedHandler(IOutboxStore outbox, Pseudonymizer pseudonymizer, Meter meter, ILogger<TariffChangedHandler> logger)
    {
        _outbox = outbox;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        _switches = meter.CreateCounter<long>("energy.tariff.switches");
    }

    public async Task Handle(TariffChanged notification, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Tariff changed from {OldTariff} to {NewTariff}", notification.From, notification.To); // clean direct
        _logger.LogInformation("Tariff change for account {AccountNumber} takes effect on the next bill", notification.Account); // leak TC1001 cross-member

        // Account references arrive already pseudonymised from the billing platform.
        Activity.Current?.SetTag(CommandAttributes.SubjectId, Pseudonym.FromComputed(notification.Account.Value).Value); // leak TC1001 precision-pseudonym

        _switches.Add(1, new KeyValuePair<string, object?>("tariff", notification.To.Value), new KeyValuePair<string, object?>("account", _pseudonymizer.ComputeCommandSubjectId(notification.Account.Value))); // leak TC1003 precision-pseudonym

        await _outbox.AddAsync(new OutboxMessage
        {
            Type = nameof(TariffChangedIntegrationEvent),
            Content = JsonSerializer.Serialize(new TariffChangedIntegrationEvent(notification.Account.Value, notification.To.Value)),
            OccurredOnUtc = notification.OccurredOn.UtcDateTime,
            Destination = "billing.tariffs",
            PartitionKey = notification.Account.Value,
        }, cancellationToken);
    }
}
