using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout46.Support;
using PrivacyHoldout46.Support.Legal;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Education;

/// <summary>
/// A complaint a student took to the independent adjudicator (OIA), or a claim they threatened, that
/// puts the university's records about them on hold.
/// </summary>
public sealed record StudentMatter(
    string MatterId,
    string OiaReference,
    string StudentNumber,
    string StudentName,
    string StudentEmail,
    string ProgrammeCode,
    IReadOnlyList<string> StaffMailboxes,
    DateOnly From,
    DateOnly To);

public sealed record PlaceStudentHold(StudentMatter Matter) : IRequest<string>;

public sealed class PlaceStudentHoldHandler(
    ILogger<PlaceStudentHoldHandler> logger,
    Pseudonymizer pseudonymizer,
    IEDiscoveryClient ediscovery) : IRequestHandler<PlaceStudentHold, string>
{
    private static readonly ActivitySource Source = new("University.LegalServices");

    public async Task<string> Handle(PlaceStudentHold request, CancellationToken cancellationToken)
    {
        var matter = request.Matter;
        Activity.Current?.SetBaggage("legal.matter", matter.MatterId); // clean direct
        Activity.Current?.SetBaggage("student.number", matter.StudentNumber); // leak TC1001 direct

        using var span = Source.StartLegalMatter("student-complaint");
        span.SetLegalMatterId(matter.MatterId);
        span.SetLegalCustodianRef(pseudonymizer.PseudonymizeLegalCustodianRef(matter.StudentNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag(LegalAttributes.CustodianContact, matter.StudentEmail); // leak TC1001 generated-api

        logger.LogInformation("OIA complaint {OiaReference} received on programme {ProgrammeCode}", matter.OiaReference, matter.ProgrammeCode); // clean direct
        logger.LogInformation("OIA complaint {OiaReference} concerns student {StudentNumber}", matter.OiaReference, matter.StudentNumber); // leak TC1001 direct

        var staffDomains = matter.StaffMailboxes.Select(m => m[(m.IndexOf('@') + 1)..]).Distinct();
        logger.LogInformation("Holding {Count} staff mailboxes in {Domains}", matter.StaffMailboxes.Count, string.Join(",", staffDomains)); // clean precision-about

        var custodianIds = new List<string>();
        foreach (var mailbox in matter.StaffMailboxes.Append(matter.StudentEmail))
        {
            var custodian = await ediscovery.AddCustodianAsync(matter.MatterId, mailbox, cancellationToken);
            custodianIds.Add(custodian.CustodianId);
        }

        var hold = await ediscovery.ApplyHoldAsync(matter.MatterId, custodianIds, cancellationToken);
        span.AddLegalHoldChangedEvent("applied", pseudonymizer.PseudonymizeLegalCustodianRef(matter.StudentNumber), $"hold {hold.HoldId}, {hold.MailboxesHeld} mailboxes"); // clean generated-api

        // The export lands in a folder the records team recognise; the old tool named it by the student.
        var folder = Convert.ToBase64String(Encoding.UTF8.GetBytes(matter.StudentNumber));
        Activity.Current?.SetTag("legal.export.folder", folder); // leak TC1001 hashes
        var exportName = $"{matter.MatterId}/{matter.From:yyyyMMdd}-{matter.To:yyyyMMdd}";
        Activity.Current?.SetTag("legal.export.name", exportName); // clean strings

        try
        {
            var searchId = await ediscovery.CreateSearchAsync(matter.MatterId, $"received>={matter.From:yyyy-MM-dd} AND received<={matter.To:yyyy-MM-dd}", cancellationToken);
            var export = await ediscovery.ExportAsync(matter.MatterId, searchId, cancellationToken);
            span.SetLegalExportItems(export.ItemCount);
        }
        catch (EDiscoveryServiceException ex) when (ex.Code == "ExportSizeExceeded")
        {
            logger.LogError(ex, "Export for {MatterId} is too large; split the date range", matter.MatterId); // clean exceptions
        }

        return hold.HoldId;
    }
}

/// <summary>Releases a student matter's hold when the OIA closes the complaint.</summary>
public sealed class ReleaseStudentHold(ILogger<ReleaseStudentHold> logger, IEDiscoveryClient ediscovery)
{
    public async Task ReleaseAsync(StudentMatter matter, string holdId, CancellationToken cancellationToken)
    {
        await ediscovery.ReleaseHoldAsync(matter.MatterId, holdId, cancellationToken);
        logger.LogLegalHoldChangedEvent("released", legalNote: $"hold for {matter.StudentName} released after {matter.OiaReference} closed"); // leak TC1001 generated-api
        logger.LogLegalHoldChangedEvent("released", legalNote: $"hold {holdId} released after {matter.OiaReference} closed"); // clean generated-api
    }
}
