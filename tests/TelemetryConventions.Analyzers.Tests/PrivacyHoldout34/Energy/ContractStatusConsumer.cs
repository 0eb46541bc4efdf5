using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout34.Support.ESign;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Energy;

public interface ISupplySwitchService
{
    Task StartSwitchAsync(string accountNumber, string mpan, CancellationToken cancellationToken);
}

/// <summary>Reads the provider's status notifications for supply contracts from the webhook queue and starts the switch when signed.</summary>
public sealed class ContractStatusConsumer(
    IQueueReceiver<ConnectEvent> queue,
    ISupplySwitchService switches,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ContractStatusConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Energy.Contracts");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var evt = await queue.ReceiveAsync(stoppingToken);
            if (evt is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("supply.contract.status", ActivityKind.Consumer);
            var summary = evt.Data.EnvelopeSummary;
            var fields = summary.CustomFields.TextCustomFields;
            var accountNumber = fields.First(f => f.Name == "account_number").Value!;
            var mpan = fields.First(f => f.Name == "mpan").Value!;

            activity?.SetTag("contract.custom_fields", string.Join(",", fields.Select(f => f.Name))); // clean precision-names
            activity?.SetTag(EsignAttributes.SignerId, Pseudonym.FromComputed(accountNumber).Value); // leak TC1001 precision-pseudonym
            activity?.AddEsignEnvelopeStatusChangedEvent(evt.Data.EnvelopeId, summary.Status, esignSignerId: pseudonymizer.PseudonymizeEsignSignerId(accountNumber)); // clean precision-pseudonym
            Activity.Current?.SetBaggage("supply.mpan", mpan); // leak TC1001 direct

            if (summary.Status == "completed" && summary.SentDateTime is { } sent && summary.CompletedDateTime is { } completed)
            {
                meter.CreateEsignTurnaroundHistogram().Record((completed - sent).TotalSeconds, esignProvider: "docusign", esignOutcome: "completed"); // clean generated-api
                await switches.StartSwitchAsync(accountNumber, mpan, stoppingToken);
                logger.LogInformation("Supply contract signed; switch started for account {Account}", accountNumber); // leak TC1001 direct
            }
        }
    }
}
