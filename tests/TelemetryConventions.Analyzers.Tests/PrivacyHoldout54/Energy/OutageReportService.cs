using System.Dynamic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;

namespace PrivacyHoldout54.Energy;

[DebuggerDisplay("{Reference} {Postcode} {CallbackPhone}")]
public sealed class OutageReport
{
    public string Reference { get; init; } = "";

    public string Postcode { get; init; } = "";

    public string OutwardCode => Postcode.Split(' ')[0];

    public string? CallbackPhone { get; init; }

    /// <summary>Whether the household is on the priority services register.</summary>
    public bool Vulnerable { get; init; }

    public string Feeder { get; init; } = "";

    /// <summary>What the customer typed about the outage.</summary>
    public string? Description { get; init; }
}

public sealed class FeederNotFoundException(string message) : Exception(message);

public interface INetworkModel
{
    string? FeederFor(string postcode);

    int CustomersOn(string feeder);
}

public sealed class OutageReportService(ILogger<OutageReportService> logger, INetworkModel network, ActivitySource source)
{
    public void Report(OutageReport report)
    {
        using var span = source.StartModelOperation("report", nameof(OutageReport));
        var activity = span.Activity;
        span.SetModelId(report.Reference);

        logger.LogInformation("Outage reported {Report}", report); // clean logging-objects
        logger.LogInformation("Outage reported {@Report}", report); // leak TC1001 logging-objects
        activity?.AddEvent(new ActivityEvent("outage.reported", tags: new ActivityTagsCollection { ["feeder"] = report.Feeder, ["district"] = report.OutwardCode, ["vulnerable"] = report.Vulnerable })); // clean precision-about

        logger.LogInformation("Callback {Callback}", new { report.Reference, HasPhone = report.CallbackPhone is not null }); // clean precision-about
        logger.LogInformation("Customer says {Description}", report.Description); // leak TC1001 direct
        logger.LogInformation("Description of {Length} characters", report.Description?.Length ?? 0); // clean precision-about
        span.SetModelNote($"reported on {report.Feeder} in {report.OutwardCode}"); // clean generated-api

        if (report.CallbackPhone is { } phone)
        {
            var callbackKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(phone)));
            logger.LogDebug("Callback dedupe {CallbackKey}", callbackKey); // leak TC1002 hashes
        }

        var feeder = network.FeederFor(report.Postcode);
        if (feeder is null)
        {
            var notFound = new FeederNotFoundException($"No feeder serves {report.Postcode}");
            logger.LogWarning(notFound, "Outage could not be placed"); // leak TC1001 exceptions
            return;
        }

        var incident = new ExpandoObject();
        var fields = (IDictionary<string, object?>)incident;
        fields["feeder"] = feeder;
        fields["customers"] = network.CustomersOn(feeder);
        fields["district"] = report.OutwardCode;
        logger.LogInformation("Incident {@Incident}", incident); // clean logging-objects
        fields["callback"] = report.CallbackPhone;
        logger.LogInformation("Incident with callback {@Incident}", incident); // leak TC1001 logging-objects
    }

    public void Restore(string feeder, IReadOnlyList<OutageReport> reports)
    {
        var missing = new KeyNotFoundException($"Feeder {feeder} is not in the network model");
        logger.LogWarning(missing, "Restoration for an unknown feeder"); // clean exceptions
        logger.LogInformation("Restored {Feeder}: {Reports}", feeder, reports.Select(r => r.Reference)); // clean direct
        logger.LogInformation("Restored {Feeder}: {VulnerableCount} priority households", feeder, reports.Count(r => r.Vulnerable)); // clean precision-names
    }
}
