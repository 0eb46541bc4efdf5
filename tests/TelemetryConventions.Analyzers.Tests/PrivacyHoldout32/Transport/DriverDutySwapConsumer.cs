using System;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Transport;

public sealed record DutySwap(string DutyNumber, string Depot, string FromStaffNumber, string ToStaffNumber, DateOnly Day, string FleetNumber);

public interface IDutyRoster
{
    Task<double> RestHoursBeforeAsync(string staffNumber, DateOnly day, string dutyNumber, CancellationToken cancellationToken);

    Task ApplyAsync(DutySwap swap, CancellationToken cancellationToken);
}

/// <summary>
/// Consumes agreed duty swaps from the crew app's topic (keyed by the staff number of the driver who
/// gives the duty away), checks the eleven-hour rest rule, and applies them to the roster.
/// </summary>
public sealed class DriverDutySwapConsumer(IConsumer<string, string> consumer, IDutyRoster roster, Pseudonymizer pseudonymizer, System.Diagnostics.Metrics.Meter meter, ILogger<DriverDutySwapConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Bus.Rostering");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("duty.swap.consume", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-about
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct

            DutySwap? swap;
            try
            {
                swap = JsonSerializer.Deserialize<DutySwap>(result.Message.Value);
            }
            catch (JsonException ex)
            {
                logger.LogWarning(ex, "Unreadable duty swap at offset {Offset}", result.Offset); // clean exceptions
                consumer.Commit(result);
                continue;
            }

            if (swap is not null)
            {
                await HandleAsync(swap, stoppingToken);
            }

            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(DutySwap swap, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichRosterSwap(swap.Depot).SetRosterWorkerId(pseudonymizer.PseudonymizeRosterWorkerId(swap.ToStaffNumber)).SetRosterShiftKind(swap.DutyNumber[..1]); // clean precision-pseudonym
        Activity.Current?.SetTag("duty.number", swap.DutyNumber); // clean precision-about
        Activity.Current?.SetTag("duty.fleet_number", swap.FleetNumber); // clean precision-about

        var rest = await roster.RestHoursBeforeAsync(swap.ToStaffNumber, swap.Day, swap.DutyNumber, cancellationToken);
        Activity.Current?.SetTag("duty.rest_hours", rest); // clean precision-about
        if (rest < 11)
        {
            logger.LogWarning("Swap of {Duty} gives driver {StaffNumber} only {Rest:F1}h rest", swap.DutyNumber, swap.ToStaffNumber, rest); // leak TC1001 direct
            span.AddRosterSwapDeclinedEvent($"rest {rest:F1}h under 11h on duty {swap.DutyNumber}"); // clean precision-about
            meter.CreateRosterSwapsCounter().Add(1, rosterTeam: swap.Depot, rosterOutcome: $"rest-breach:{swap.ToStaffNumber}"); // leak TC1003 strings
            return;
        }

        await roster.ApplyAsync(swap, cancellationToken);
        meter.CreateRosterSwapsCounter().Add(1, rosterTeam: swap.Depot, rosterOutcome: "applied"); // clean precision-about
        logger.LogInformation("Duty swap applied {Swap}", swap); // leak TC1001 logging-objects
    }
}
