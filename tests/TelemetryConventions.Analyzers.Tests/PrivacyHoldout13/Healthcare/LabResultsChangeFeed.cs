using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using PrivacyHoldout13.Support;
using PrivacyHoldout13.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout13.Healthcare;

/// <summary>
/// Follows the Debezium topic of the LIMS <c>lab_results</c> table (rows as dictionaries) and tells
/// the ward dashboards when a result turns abnormal.
/// </summary>
public sealed class LabResultsChangeFeed(Pseudonymizer pseudonymizer, IAbnormalResultNotifier notifier, ILogger<LabResultsChangeFeed> logger)
{
    private static readonly ActivitySource Source = new("Hospital.Lims.Cdc");
    private static readonly Meter Meter = new("Hospital.Lims.Cdc");
    private static readonly Counter<long> Results = Meter.CreateCounter<long>("lims.results.changed");

    public async Task HandleAsync(ConsumeResult<string, ChangeEnvelope<Dictionary<string, object?>>> result, CancellationToken ct)
    {
        var change = result.Message.Value;
        using var activity = Source.StartActivity("lims.lab_results change", ActivityKind.Consumer);
        activity?.SetTag("cdc.table", change.Source.Table);
        activity?.SetTag("cdc.lsn", change.Source.Lsn); // clean precision-about
        activity?.SetTag("cdc.op", change.Op);

        if (change.After is not { } after)
        {
            logger.LogDebug("Result row deleted at {Lsn}", change.Source.Lsn);
            return;
        }

        var changed = ChangedColumns(change.Before, after);
        activity?.SetTag("cdc.changed_columns", string.Join(',', changed)); // clean precision-names
        logger.LogTrace("Change on {Table}: {@After}", change.Source.Table, after); // leak TC1001 logging-objects

        var nhsNumber = (string)after["patient_nhs_number"]!;
        var testCode = (string)after["test_code"]!;
        var abnormal = after["abnormal_flag"] is "H" or "L" or "HH" or "LL";
        activity?.SetTag("lims.result_id", after["result_id"]); // clean precision-about
        activity?.SetTag("lims.patient.ref", pseudonymizer.Pseudonymize("patient.nhs_number", nhsNumber).Value); // clean precision-pseudonym
        Results.Add(1, new("lims.test_code", testCode), new("lims.abnormal", abnormal)); // clean precision-about

        if (!abnormal || change.Before?["abnormal_flag"] == after["abnormal_flag"])
        {
            return;
        }

        // The dashboards group alerts per patient without seeing the NHS number.
        var patientKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nhsNumber)))[..16];
        activity?.SetTag("lims.patient.key", patientKey); // leak TC1002 hashes
        activity?.SetTag("patient.nhs_number", after["patient_nhs_number"]); // leak TC1001 direct

        await notifier.NotifyAsync(nhsNumber, testCode, ct);
        Results.Add(1, new("lims.test_code", testCode), new("lims.patient", patientKey)); // leak TC1003 hashes
    }

    private static IReadOnlyList<string> ChangedColumns(Dictionary<string, object?>? before, Dictionary<string, object?> after) =>
        before is null
            ? after.Keys.ToList()
            : after.Where(column => !before.TryGetValue(column.Key, out var old) || !Equals(old, column.Value)).Select(column => column.Key).ToList();
}

public interface IAbnormalResultNotifier
{
    Task NotifyAsync(string nhsNumber, string testCode, CancellationToken cancellationToken);
}
