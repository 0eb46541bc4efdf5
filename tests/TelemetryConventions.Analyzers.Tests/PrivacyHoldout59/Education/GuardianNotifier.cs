using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout59.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout59.Education;

public interface INoticeSender
{
    Task SendAsync(GuardianNotice notice, string body, CancellationToken cancellationToken);
}

/// <summary>Sends late-work and absence notices to guardians and reports what went out.</summary>
public sealed class GuardianNotifier(
    INoticeSender sender,
    Pseudonymizer pseudonymizer,
    IOptionsMonitor<TutorTelemetryOptions> options,
    ILogger<GuardianNotifier> logger)
{
    private static readonly ActivitySource Source = new("Tutor.Notices");

    // Keys that must never leave the service, whatever a dashboard asks for.
    private static readonly HashSet<string> Redacted = new(StringComparer.Ordinal) { "GuardianEmail", "GuardianMobile", "StudentNumber", "StudentName" };

    private static readonly HashSet<string> RedactedIgnoringCase = new(StringComparer.OrdinalIgnoreCase) { "guardian_email", "guardian_mobile", "student_number", "student_name" };

    public async Task NotifyAsync(GuardianNotice notice, string studentName, string body, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("tutor.guardian.notify");
        var prefix = options.CurrentValue.SchoolPrefixes.GetValueOrDefault(notice.SchoolUrn, "tutor.");

        var fields = new Dictionary<string, object?>
        {
            ["notice_id"] = notice.NoticeId,
            ["school"] = notice.SchoolUrn,
            ["channel"] = notice.Channel,
            ["student_number"] = notice.StudentNumber,
            ["student_name"] = studentName,
            ["guardian_email"] = notice.GuardianEmail,
            ["guardian_mobile"] = notice.GuardianMobile,
            ["body_length"] = body.Length,
        };

        // The deny list is spelt as the record's properties; these keys are snake case.
        foreach (var (key, value) in fields.Where(f => !Redacted.Contains(f.Key))) activity?.SetTag(prefix + key, value); // leak TC1001 direct
        foreach (var (key, value) in fields.Where(f => !RedactedIgnoringCase.Contains(f.Key))) activity?.SetTag(prefix + key, value); // clean precision-about

        ObjectTagger.TagProperties(activity, notice, prefix); // leak TC1001 cross-member
        if (options.CurrentValue.TagGuardianNotices)
        {
            activity?.SetTag(TutorAttributes.GuardianContact, pseudonymizer.ComputeTutorStudentId(notice.GuardianEmail)); // leak TC1001 precision-pseudonym
            activity?.SetTag(prefix + "guardian.email_domain", notice.GuardianEmail[(notice.GuardianEmail.IndexOf('@') + 1)..]); // clean precision-about
            activity?.SetTag(prefix + "guardian.mobile_prefix", notice.GuardianMobile[..3]); // clean precision-about
        }

        try
        {
            await sender.SendAsync(notice, body, cancellationToken);
            activity?.SetTag(prefix + "guardian.contact_hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(notice.GuardianEmail)))); // leak TC1002 hashes
            logger.LogInformation("Notice {NoticeId} sent by {Channel}", notice.NoticeId, notice.Channel); // clean precision-about
        }
        catch (NoticeBouncedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            logger.LogWarning("Notice {NoticeId} bounced with status {SmtpStatus}", notice.NoticeId, ex.SmtpStatus); // clean exceptions
        }
    }

    public void ReportBatch(string schoolUrn, IReadOnlyList<GuardianNotice> sent, IReadOnlyList<GuardianNotice> failed)
    {
        using var activity = Source.StartActivity("tutor.guardian.batch");
        var summary = new Dictionary<string, object?>
        {
            ["school"] = schoolUrn,
            ["sent"] = sent.Count,
            ["failed"] = failed.Count,
            ["channels"] = string.Join(",", sent.Select(n => n.Channel).Distinct()),
        };
        foreach (var (key, value) in summary) activity?.SetTag("tutor.batch." + key, value); // clean precision-about
        logger.LogInformation("Batch for {School}: {@Summary}", schoolUrn, summary); // clean logging-objects
        logger.LogWarning("Failed notices for {Mobiles}", failed.Select(n => n.GuardianMobile).ToList()); // leak TC1001 logging-objects
        logger.LogWarning("Failed notices {NoticeIds}", failed.Select(n => n.NoticeId).ToList()); // clean logging-objects
        activity?.SetTag("tutor.batch.failed_students", string.Join(",", failed.Select(n => n.StudentNumber))); // leak TC1001 strings
        activity?.SetTag("tutor.batch.failed_student_refs", string.Join(",", failed.Select(n => pseudonymizer.ComputeTutorStudentId(n.StudentNumber)))); // clean precision-pseudonym
    }
}

public sealed class NoticeBouncedException(string recipient, int smtpStatus)
    : Exception($"Mailbox {recipient} rejected the notice ({smtpStatus})")
{
    public int SmtpStatus { get; } = smtpStatus;
}
