using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout2.Support;
using PrivacyHoldout2.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout2.Energy;

public enum SwitchOutcome { Accepted, Rejected, PendingCreditCheck }

public sealed record SwitchRequest(string AccountNumber, string MeterSerial, string CustomerEmail, string TariffCode, string Postcode);

public sealed class TariffOptions
{
    public string Region { get; set; } = "south-west";

    public int MaxSwitchesPerYear { get; set; } = 4;
}

public interface ISwitchQueue
{
    IAsyncEnumerable<SwitchRequest> ReadPendingAsync(CancellationToken cancellationToken);
}

public sealed class TariffSwitchService(ISwitchQueue queue, ILogger<TariffSwitchService> logger, Meter meter, Pseudonymizer pseudonymizer, IOptions<TariffOptions> options)
{
    private static readonly ActivitySource Source = new("Energy.Tariffs");
    private readonly Counter<int> _outcomes = meter.CreateCounter<int>("tariff.switch.outcomes");

    public async Task ProcessAsync(CancellationToken cancellationToken)
    {
        await foreach (var request in queue.ReadPendingAsync(cancellationToken))
        {
            var outcome = Decide(request, out var reason);
            var account = pseudonymizer.PseudonymizeTariffAccountId(request.AccountNumber);

            using var span = Source.StartTariffSwitch(account); // clean precision-pseudonym
            span.SetTariffRegion(options.Value.Region); // clean generated-api
            span.SetTariffNote(reason); // leak TC1001 generated-api

            var outcomeTag = outcome switch
            {
                SwitchOutcome.Accepted => "accepted",
                SwitchOutcome.Rejected => "rejected",
                _ => "pending",
            };
            _outcomes.Add(1, new TagList { { "outcome", outcomeTag }, { "region", options.Value.Region } }); // clean precision-about
            _outcomes.Add(1, new TagList { { "outcome", outcomeTag }, { "account", account.Value } }); // leak TC1003 precision-pseudonym

            var summary = outcome switch
            {
                SwitchOutcome.Rejected => $"rejected for meter {request.MeterSerial}",
                _ => $"{outcomeTag} to {request.TariffCode}",
            };
            logger.LogInformation("Tariff switch finished: {Summary}", summary); // leak TC1001 strings
            logger.LogInformation("Tariff switch to {TariffCode} finished as {Outcome} for account {Account}", request.TariffCode, outcomeTag, account); // clean precision-pseudonym
        }
    }

    private SwitchOutcome Decide(SwitchRequest request, out string reason)
    {
        if (request.Postcode.StartsWith("BT", StringComparison.Ordinal))
        {
            reason = "account " + request.AccountNumber + " is outside the supply area";
            return SwitchOutcome.Rejected;
        }
        reason = "ok";
        return SwitchOutcome.Accepted;
    }

    public void AuditSerial(SwitchRequest request)
    {
        using var md5 = MD5.Create();
        var serialDigest = Convert.ToBase64String(md5.ComputeHash(Encoding.ASCII.GetBytes(request.MeterSerial)));
        Activity.Current?.SetTag("tariff.meter.digest", serialDigest); // leak TC1002 hashes
        Activity.Current?.SetTag("tariff.meter.serial_length", request.MeterSerial.Length); // clean precision-about
        Activity.Current?.SetTag("tariff.customer.email", pseudonymizer.Compute("customer-email", request.CustomerEmail)); // leak TC1001 precision-pseudonym
    }
}
