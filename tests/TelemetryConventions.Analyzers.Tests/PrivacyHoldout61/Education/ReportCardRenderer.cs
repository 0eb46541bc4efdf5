using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Humanizer;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout61.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout61.Education;

public sealed record CourseGrade(string CourseCode, string CourseTitle, string WorkingAt, string Target, int Rank, int CohortSize);

public sealed record StudentReport(
    string StudentNumber,
    string PreferredName,
    string FamilyName,
    string TutorGroup,
    string TutorStaffNumber,
    string TutorName,
    IReadOnlyList<CourseGrade> Grades,
    int SessionsAttended,
    int SessionsPossible,
    string TutorComment,
    string GuardianEmail,
    string Term);

public sealed class NoGradesException(string studentNumber, string term)
    : Exception($"No grades recorded for student {studentNumber} in {term}.");

/// <summary>Renders the end-of-term report as plain text (the PDF is laid out from the same text).</summary>
public sealed class ReportCardRenderer(
    ActivitySource source,
    ILogger<ReportCardRenderer> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private static readonly Counter<long> CommentsFromBank = new Meter("School.Reports").CreateCounter<long>("gradebook.comments.from_bank");

    public string Render(StudentReport report)
    {
        var student = pseudonymizer.PseudonymizeGradebookStudentId(report.StudentNumber);
        using var span = source.StartGradebookReportRender(student, report.Term); // clean precision-pseudonym
        span.SetGradebookTeacherId(pseudonymizer.PseudonymizeGradebookTeacherId(report.TutorStaffNumber)); // clean precision-pseudonym

        try
        {
            if (report.Grades.Count == 0)
            {
                throw new NoGradesException(report.StudentNumber, report.Term);
            }

            var text = new StringBuilder(capacity: 2048);
            text.AppendLine(CultureInfo.InvariantCulture, $"{report.PreferredName} {report.FamilyName} ({report.TutorGroup})");
            text.AppendLine(CultureInfo.InvariantCulture, $"Student number: {report.StudentNumber}    Verification: {VerificationCode(report)}");
            text.AppendLine();

            var header = new StringBuilder()
                .Append("Course".PadRight(28))
                .Append("Working at".PadLeft(12))
                .Append("Target".PadLeft(8))
                .Append("Rank".PadLeft(10));
            span.Activity?.SetTag("gradebook.report.header", header.ToString()); // clean strings
            text.Append(header).AppendLine();
            foreach (var grade in report.Grades)
            {
                text.Append(grade.CourseTitle.Truncate(27).PadRight(28))
                    .Append(grade.WorkingAt.PadLeft(12))
                    .Append(grade.Target.PadLeft(8))
                    .AppendFormat(CultureInfo.InvariantCulture, "{0,10}", $"{grade.Rank.Ordinalize()}/{grade.CohortSize}")
                    .AppendLine();
            }

            span.SetGradebookReportSection(GradebookReportSection.Attainment);
            span.Activity?.SetTag("gradebook.report.courses", string.Join(',', report.Grades.Select(g => g.CourseCode))); // clean precision-names

            var attendance = report.SessionsPossible == 0 ? 0d : (double)report.SessionsAttended / report.SessionsPossible;
            text.AppendFormat(CultureInfo.InvariantCulture, "Attendance: {0:P1} ({1} of {2} sessions)", attendance, report.SessionsAttended, report.SessionsPossible).AppendLine();
            span.Activity?.SetTag("gradebook.attendance.band", attendance switch { >= 0.95 => "95+", >= 0.9 => "90-95", _ => "<90" }); // clean precision-about

            text.AppendLine().AppendLine("Tutor's comment:").AppendLine(report.TutorComment);
            var words = report.TutorComment.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            span.SetGradebookCommentWords(words); // clean precision-about
            span.Activity?.SetTag("gradebook.comment.preview", report.TutorComment.Truncate(60)); // leak TC1001 strings
            text.Append("— ").Append(report.TutorName);

            var rendered = text.ToString();
            logger.LogDebug("Rendered report for {Term}: {Length} characters, {Lines} lines", report.Term, rendered.Length, rendered.Count(c => c == '\n')); // clean precision-about
            logger.LogTrace("Report text {Report}", text); // leak TC1001 logging-objects
            span.SetGradebookNote(rendered[..rendered.IndexOf('\n')]); // leak TC1001 generated-api
            span.Activity?.SetTag("gradebook.report.verification", VerificationCode(report)); // leak TC1002 hashes
            span.Activity?.SetTag("gradebook.report.shard", ShardOf(report.StudentNumber)); // clean hashes
            meter.CreateGradebookReportsCounter().Add(1, report.Term, GradebookReportSection.Comment); // clean precision-names
            return rendered;
        }
        catch (NoGradesException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Report for {Term} skipped: no grades ({Student})", report.Term, student); // clean precision-pseudonym
            return string.Empty;
        }
    }

    /// <summary>Fills a comment-bank entry ("{name} has worked hard in {course}; {they} should …").</summary>
    public string FromBank(StudentReport report, string bankEntry, string course, string pronoun)
    {
        logger.LogDebug("Comment bank entry chosen: {Entry}", bankEntry); // clean strings
        var filled = bankEntry.Replace("{name}", report.PreferredName, StringComparison.Ordinal).Replace("{course}", course, StringComparison.Ordinal).Replace("{they}", pronoun, StringComparison.Ordinal);
        logger.LogDebug("Comment filled from the bank: {Comment}", filled); // leak TC1001 strings
        CommentsFromBank.Add(1, new KeyValuePair<string, object?>("course", course)); // clean precision-names
        CommentsFromBank.Add(1, new KeyValuePair<string, object?>("tutor.group", report.TutorGroup), new KeyValuePair<string, object?>("student", pseudonymizer.ComputeGradebookStudentId(report.StudentNumber))); // leak TC1003 precision-pseudonym
        return filled;
    }

    /// <summary>Staff can format their own sentences with positional holes; a stray brace throws.</summary>
    public string FromOwnFormat(StudentReport report, string format)
    {
        try
        {
            return string.Format(CultureInfo.CurrentCulture, format, report.PreferredName, report.Term);
        }
        catch (FormatException ex)
        {
            logger.LogWarning(ex, "A tutor's comment format could not be used ({Length} characters)", format.Length); // clean exceptions
            return format;
        }
    }

    /// <summary>Printed at the foot of the report so a reader can check it with the school office.</summary>
    private static string VerificationCode(StudentReport report) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(report.StudentNumber + "|" + report.Term)))[..8];

    private string ShardOf(string studentNumber) =>
        (HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studentNumber))[0] % 16).ToString(CultureInfo.InvariantCulture);
}
