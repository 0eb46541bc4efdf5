using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Humanizer;
using Microsoft.Extensions.Logging;
using PrivacyHoldout61.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout61.Education;

public interface IGuardianMailer
{
    void Queue(string to, string subject, string body);
}

/// <summary>Publishes reports to the guardian portal and emails the guardian a link.</summary>
public sealed class GuardianPortalLinks(
    ILogger<GuardianPortalLinks> logger,
    Pseudonymizer pseudonymizer,
    IGuardianMailer mailer)
{
    private static readonly Uri PortalBase = new("https://portal.northfield-academy.example/");

    private const string EmailTemplate = """
        Dear {{guardianGreeting}},

        {{studentName}}'s report for {{term}} is ready. It will be available until {{expires}}:
        {{link}}
        """;

    public Uri Publish(StudentReport report, string accessToken, string guardianGreeting, TimeSpan linkLifetime)
    {
        var builder = new UriBuilder(PortalBase)
        {
            Path = $"/reports/{report.Term}/{report.StudentNumber}",
            Query = $"guardian={Uri.EscapeDataString(report.GuardianEmail)}&t={accessToken}",
        };
        var link = builder.Uri;
        Activity.Current?.SetTag("gradebook.portal.link", link.ToString()); // leak TC1001 strings
        Activity.Current?.SetTag("gradebook.portal.path", link.GetLeftPart(UriPartial.Path)); // leak TC1001 strings
        Activity.Current?.SetTag("gradebook.portal.host", link.Host); // clean precision-names
        Activity.Current?.SetTag("gradebook.portal.query_length", link.Query.Length); // clean precision-about

        var insights = new Uri($"https://insights.northfield-academy.example/students/{pseudonymizer.ComputeGradebookStudentId(report.StudentNumber)}/{report.Term}");
        Activity.Current?.SetTag("gradebook.insights.link", insights.AbsoluteUri); // clean precision-pseudonym

        var expires = DateTime.UtcNow.Add(linkLifetime).ToString("d MMMM", CultureInfo.GetCultureInfo("en-GB"));
        var body = EmailTemplate
            .Replace("{{guardianGreeting}}", guardianGreeting, StringComparison.Ordinal)
            .Replace("{{studentName}}", report.PreferredName, StringComparison.Ordinal)
            .Replace("{{term}}", report.Term, StringComparison.Ordinal)
            .Replace("{{expires}}", expires, StringComparison.Ordinal)
            .Replace("{{link}}", link.ToString(), StringComparison.Ordinal);
        logger.LogDebug("Guardian email template: {Template}", EmailTemplate); // clean strings
        logger.LogDebug("Guardian email body: {Body}", body); // leak TC1001 strings

        var subject = FormattableString.Invariant($"{report.PreferredName}'s {report.Term} report is ready");
        logger.LogInformation("Queued guardian email {Subject}", subject); // leak TC1001 strings
        var shown = report.GuardianEmail;
        shown.Replace(shown[..shown.IndexOf('@')], "***");
        logger.LogInformation("Report link sent to {Guardian}", shown); // leak TC1001 direct
        logger.LogInformation("Report link sent to a guardian at {Domain}", report.GuardianEmail[(report.GuardianEmail.IndexOf('@') + 1)..]); // clean precision-about
        mailer.Queue(report.GuardianEmail, subject, body);

        logger.LogGradebookReportPublishedEvent(report.Term, gradebookStudentId: pseudonymizer.PseudonymizeGradebookStudentId(report.StudentNumber), gradebookNote: $"{report.Grades.Count.ToString(CultureInfo.InvariantCulture)} courses, link valid for {linkLifetime.Humanize()}"); // clean generated-api
        logger.LogGradebookReportPublishedEvent(report.Term, gradebookNote: $"emailed to {report.GuardianEmail}"); // leak TC1001 generated-api
        return link;
    }

    public Uri CohortLink(string term, string tutorGroup)
    {
        var link = new UriBuilder(PortalBase) { Path = $"/reports/{term}", Query = $"group={Uri.EscapeDataString(tutorGroup)}" }.Uri;
        logger.LogInformation("Cohort link for {Group}: {Link}", tutorGroup, link); // clean precision-names
        return link;
    }

    public void AuditRelease(StudentReport report, string releasedByStaffNumber)
    {
        FormattableString audit = $"Report {report.Term} for {report.StudentNumber} released by {releasedByStaffNumber} at {DateTime.UtcNow:O}";
        logger.LogInformation("Audit: {Audit}", FormattableString.Invariant(audit)); // leak TC1001 strings
        logger.LogInformation("Audit format {Format} with {Count} values", audit.Format, audit.ArgumentCount); // clean strings
        logger.LogDebug("Audit values {Values}", audit.GetArguments()); // leak TC1001 logging-objects

        FormattableString cohort = $"{report.Term} release: {report.Grades.Count} courses, tutor group {report.TutorGroup}";
        Activity.Current?.AddEvent(new ActivityEvent(cohort.ToString(CultureInfo.InvariantCulture))); // clean strings

        var legacyRef = Pseudonym.FromComputed(string.Concat("stu-", report.StudentNumber));
        Activity.Current.EnrichGradebookReportRender(legacyRef, report.Term); // leak TC1001 precision-pseudonym
        var teacher = pseudonymizer.PseudonymizeGradebookTeacherId(releasedByStaffNumber);
        Activity.Current?.SetTag("gradebook.released_by", $"staff:{teacher}"); // clean precision-pseudonym
        var initials = string.Concat(report.PreferredName.AsSpan(0, 1), ". ", report.FamilyName);
        Activity.Current?.SetTag("gradebook.student.display", initials); // leak TC1001 strings
        Activity.Current?.SetTag("gradebook.student.name_length", report.PreferredName.Length + report.FamilyName.Length); // clean precision-about
        var guardians = new[] { report.GuardianEmail }.Where(e => e.Contains('@')).Select(e => e.ToLowerInvariant()).ToArray();
        Activity.Current?.SetTag("gradebook.guardian.count", guardians.Length); // clean precision-about
        var sb = new StringBuilder("guardians:");
        sb.AppendJoin(';', guardians);
        logger.LogDebug("{Guardians}", sb.ToString()); // leak TC1001 strings
    }
}
