using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using PrivacyHoldout13.Support;
using PrivacyHoldout13.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout13.Energy;

public interface ITariffScheduler
{
    Task ScheduleAsync(string accountNumber, string tariffCode, DateOnly from, CancellationToken cancellationToken);
}

/// <summary>
/// Follows the CDC topic of the billing system's <c>customer_accounts</c> table (rows kept as
/// JSON) and schedules tariff switches on the smart meters.
/// </summary>
public sealed class CustomerAccountChangeFeed(ITariffScheduler scheduler, Pseudonymizer pseudonymizer, ILogger<CustomerAccountChangeFeed> logger)
{
    private static readonly ActivitySource Source = new("Grid.Billing.Cdc");

    public async Task HandleAsync(ConsumeResult<string, JsonChangeEnvelope> result, CancellationToken ct)
    {
        var change = result.Message.Value;
        using var span = Source.StartPipelineConsume(result.Topic);
        span.SetPipelineOffset(result.Offset.Value);
        var activity = Activity.Current;
        activity?.SetTag("cdc.snapshot", change.Source.Snapshot);

        if (change.After is not { } after)
        {
            return;
        }

        logger.LogDebug("customer_accounts row after change: {Row}", after.GetRawText()); // leak TC1001 logging-objects
        var accountNumber = after.GetProperty("account_number").GetString()!;
        var newTariff = after.GetProperty("tariff_code").GetString()!;
        var oldTariff = change.Before is { } before ? before.GetProperty("tariff_code").GetString() : null;
        activity?.SetTag("billing.tariff", newTariff); // clean precision-about

        var changed = ChangedColumns(change.Before, after);
        activity?.SetTag("cdc.changed_columns", string.Join(",", changed)); // clean precision-names
        if (changed.Contains("billing_email"))
        {
            logger.LogInformation("Billing email changed on {Table}: {EmailChanged}", change.Source.Table, true); // clean precision-about
        }

        if (oldTariff == newTariff)
        {
            span.SetPipelineOutcome("no tariff change"); // clean generated-api
            return;
        }

        logger.LogInformation("Tariff {OldTariff} -> {NewTariff} at LSN {Lsn}", oldTariff, newTariff, change.Source.Lsn); // clean precision-about
        activity?.SetTag("billing.account", accountNumber); // leak TC1001 direct
        span.SetPipelineSubjectId(pseudonymizer.PseudonymizePipelineSubjectId(accountNumber)); // clean precision-pseudonym

        await scheduler.ScheduleAsync(accountNumber, newTariff, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)), ct);
        span.SetPipelineOutcome($"switch scheduled for account {accountNumber}"); // leak TC1001 generated-api
    }

    private static List<string> ChangedColumns(JsonElement? before, JsonElement after)
    {
        var changed = new List<string>();
        foreach (var column in after.EnumerateObject())
        {
            if (before is not { } b || !b.TryGetProperty(column.Name, out var old) || old.GetRawText() != column.Value.GetRawText())
            {
                changed.Add(column.Name);
            }
        }

        return changed;
    }
}
