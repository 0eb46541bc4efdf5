using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;
using TelemetryConventions;

namespace PrivacyHoldout39.Education;

// Pupils can report bullying from the homework app, anonymously towards the other pupils but not
// towards the school: the report names the pupils involved and goes to the school's safeguarding
// lead, who triages it.

public sealed record BullyingReport(
    Guid ReportId,
    string SchoolUrn,
    string ReporterStudentNumber,
    IReadOnlyList<string> NamedStudentNumbers,
    string Where,
    string WhatHappened,
    bool Online);

public sealed record SafeguardingLead(string SchoolUrn, string StaffEmail, string Name);

public interface ISafeguardingDirectory
{
    Task<SafeguardingLead> LeadForAsync(string schoolUrn, CancellationToken cancellationToken);
}

public static partial class BullyingReportLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Bullying report {ReportId} from pupil {Reporter}")]
    public static partial void ReportReceived(ILogger logger, Guid reportId, [PrivateData] string reporter);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Bullying report {ReportId} routed to {LeadEmail}")]
    public static partial void ReportRouted(ILogger logger, Guid reportId, string leadEmail);
}

public sealed class BullyingReportIntake(ISafeguardingDirectory directory, IMailSender mail, ILogger<BullyingReportIntake> logger)
{
    private static readonly ActivitySource Source = new("Learning.Safeguarding");

    public async Task ReceiveAsync(BullyingReport report, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("safeguarding.report");
        BullyingReportLog.ReportReceived(logger, report.ReportId, report.ReporterStudentNumber); // clean direct
        activity?.SetTag("safeguarding.report.id", report.ReportId); // clean precision-about
        activity?.SetTag("safeguarding.named_count", report.NamedStudentNumbers.Count); // clean precision-names
        activity?.SetTag("safeguarding.online", report.Online); // clean precision-about

        using (logger.BeginScope(new Dictionary<string, object> { ["School"] = report.SchoolUrn, ["Named"] = string.Join(";", report.NamedStudentNumbers) })) // leak TC1001 logging-objects
        {
            var lead = await directory.LeadForAsync(report.SchoolUrn, cancellationToken);
            await mail.SendAsync(lead.StaffEmail, "New bullying report", report.WhatHappened, cancellationToken);
            BullyingReportLog.ReportRouted(logger, report.ReportId, lead.StaffEmail); // leak TC1001 cross-member
            if (activity is not null)
            {
                activity.DisplayName = $"safeguarding.report {report.ReporterStudentNumber}"; // leak TC1001 strings
            }
            logger.LogDebug("Report text: {WhatHappened} (at {Where})", report.WhatHappened, report.Where); // leak TC1001 direct
        }
    }
}
