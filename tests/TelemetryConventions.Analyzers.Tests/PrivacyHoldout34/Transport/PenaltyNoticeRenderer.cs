using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout34.Support.Documents;
using PrivacyHoldout34.Support.Templating;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Transport;

public sealed record Keeper(string Name, string AddressLine, string Postcode);

public sealed record PenaltyNotice(string NoticeNumber, string Plate, string ContraventionCode, string Location, decimal Amount, DateTimeOffset ObservedAt, Keeper Keeper);

/// <summary>Renders penalty charge notices for the bus-lane cameras and stores them for the print contractor.</summary>
public sealed class PenaltyNoticeRenderer(
    ITemplateEngine engine,
    IDocumentStore store,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<PenaltyNoticeRenderer> logger)
{
    private static readonly ActivitySource Source = new("Transit.Enforcement");
    private readonly Counter<long> _notices = meter.CreateCounter<long>("enforcement.notices.rendered");

    public async Task<Uri?> RenderAsync(PenaltyNotice notice, CancellationToken cancellationToken)
    {
        using var span = Source.StartDocumentRender("pcn-bus-lane-v3");
        span.SetDocumentKind("penalty-charge-notice");
        span.SetDocumentSubjectId(pseudonymizer.PseudonymizeDocumentSubjectId(notice.Plate)); // clean precision-pseudonym
        Activity.Current?.SetTag("pcn.number", notice.NoticeNumber); // clean precision-names
        Activity.Current?.SetTag("pcn.plate_area", notice.Plate[..2]); // clean precision-about

        RenderResult letter;
        try
        {
            letter = await engine.RenderAsync("pcn-bus-lane-v3", notice, cancellationToken);
        }
        catch (FormatFilterException ex) when (ex.Filter == "postcode")
        {
            logger.LogWarning("Notice {Notice} has an address the postcode filter rejected: {Error}", notice.NoticeNumber, ex.Message); // leak TC1001 exceptions
            _notices.Add(1, new KeyValuePair<string, object?>("outcome", "bad-postcode"), new KeyValuePair<string, object?>("contravention", notice.ContraventionCode)); // clean precision-about
            return null;
        }
        catch (TemplateNotFoundException ex)
        {
            span.SetDocumentNote(ex.Message); // clean exceptions
            return null;
        }

        var blobName = $"pcn/{notice.ObservedAt:yyyy-MM-dd}/{notice.NoticeNumber}-{notice.Plate}.pdf";
        var uri = await store.UploadAsync(blobName, letter.Pdf, new Dictionary<string, string> { ["contravention"] = notice.ContraventionCode }, cancellationToken);
        logger.LogInformation("Notice {Notice} stored as {Blob}", notice.NoticeNumber, blobName); // leak TC1001 strings
        logger.LogInformation("Notice {Notice} for {Contravention} at {Location}: {Amount:C}", notice.NoticeNumber, notice.ContraventionCode, notice.Location, notice.Amount); // clean precision-names
        logger.LogDebug("Keeper on the notice: {Keeper}", notice.Keeper); // leak TC1001 logging-objects
        span.SetDocumentNote($"keeper district {notice.Keeper.Postcode.Split(' ')[0]}"); // clean generated-api

        var plateKey = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(notice.Plate.Replace(" ", string.Empty))));
        logger.LogDebug("Repeat-offender lookup key {Key}", plateKey); // leak TC1002 hashes
        meter.CreateDocumentRendersCounter().Add(1, documentKind: "penalty-charge-notice", documentOutcome: notice.Plate); // leak TC1003 generated-api
        return uri;
    }
}

/// <summary>Bulk notices to keepers: the DVLA keeper file is merged into the reminder letter.</summary>
public sealed class KeeperReminderMerge(ILogger<KeeperReminderMerge> logger)
{
    private static readonly MailMergeDocument Reminder = MailMergeDocument.Load(
        "pcn-reminder",
        "«KeeperName», the charge «NoticeNumber» for vehicle «Plate» is unpaid. Pay £«Amount» within 14 days.");

    public IReadOnlyList<string> Merge(IEnumerable<IReadOnlyDictionary<string, string?>> keeperRows)
    {
        var letters = new List<string>();
        foreach (var row in keeperRows)
        {
            var output = Reminder.Merge(row);
            if (output.MissingFields.Contains("KeeperName"))
            {
                logger.LogWarning("Reminder for {Notice} has no keeper name; plate {Plate}", row.GetValueOrDefault("NoticeNumber"), row.GetValueOrDefault("Plate")); // leak TC1001 direct
                continue;
            }

            if (output.MissingFields.Count > 0)
            {
                logger.LogWarning("Reminder for {Notice} is missing {Fields}", row.GetValueOrDefault("NoticeNumber"), output.MissingFields); // clean precision-names
            }

            letters.Add(output.Body);
        }

        logger.LogInformation("Merged {Count} reminders, the first: {First}", letters.Count, letters.FirstOrDefault()); // leak TC1001 strings
        return letters;
    }
}
