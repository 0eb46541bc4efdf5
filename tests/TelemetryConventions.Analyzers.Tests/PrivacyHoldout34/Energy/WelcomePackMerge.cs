using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout34.Support.Documents;
using PrivacyHoldout34.Support.Templating;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Energy;

/// <summary>Merges the welcome letter for new supply accounts from the CRM's export rows.</summary>
public sealed class WelcomePackMerge(IDocumentStore store, Pseudonymizer pseudonymizer, ILogger<WelcomePackMerge> logger)
{
    private static readonly ActivitySource Source = new("Energy.Letters");
    private static readonly MailMergeDocument Letter = MailMergeDocument.Load(
        "welcome-letter",
        "Dear «FullName», welcome to Example Energy. Your account «AccountNumber» supplies «SupplyAddress» (meter «MeterSerial») from «StartDate».");

    public async Task<int> MergeAsync(IReadOnlyList<IReadOnlyDictionary<string, string?>> rows, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("welcome.merge");
        activity?.SetTag("welcome.rows", rows.Count);
        var merged = 0;

        foreach (var row in rows)
        {
            var output = Letter.Merge(row);
            var accountNumber = row["AccountNumber"]!;
            if (output.MissingFields.Count > 0)
            {
                logger.LogWarning("Welcome letter for account {AccountRef} lacks {Fields}", pseudonymizer.ComputeDocumentSubjectId(accountNumber), string.Join(",", output.MissingFields)); // clean precision-pseudonym
                activity?.AddEvent(new ActivityEvent("welcome.row.incomplete", tags: new ActivityTagsCollection { ["row"] = string.Join("|", row.Values) })); // leak TC1001 logging-objects
                continue;
            }

            var name = $"welcome/{DateTime.UtcNow:yyyy-MM}/{accountNumber}.txt";
            await store.UploadAsync(name, System.Text.Encoding.UTF8.GetBytes(output.Body), new Dictionary<string, string>(), cancellationToken);
            logger.LogDebug("Stored welcome letter {Name}", name); // leak TC1001 strings
            logger.LogDebug("Welcome letter keys {Keys}", string.Join(",", row.Keys)); // clean precision-names
            merged++;
        }

        logger.LogInformation("Merged {Merged} of {Rows} welcome letters", merged, rows.Count);
        return merged;
    }
}
