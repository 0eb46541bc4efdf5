using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout14.Support;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Education;

public sealed record ExamResult(StudentNumber Student, string CourseCode, int Mark, string? GuardianEmail) : IHasStudent;

public sealed record PublishResults(string CourseCode, string Sitting, IReadOnlyList<ExamResult> Results, string EmailTemplateId);

public interface IGuardianMailer
{
    Task SendAsync(string to, string templateId, IReadOnlyDictionary<string, string> model, CancellationToken cancellationToken);
}

public sealed partial class ResultsPublisher(
    ILogger<ResultsPublisher> logger,
    IGuardianMailer mailer,
    Pseudonymizer pseudonymizer) : IMessageHandler<PublishResults>
{
    private static readonly ActivitySource Source = new("Campus.Results");

    private static string Band(int mark) => mark switch
    {
        >= 70 => "distinction",
        >= 55 => "merit",
        >= 40 => "pass",
        _ => "fail",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} results for {CourseCode} sitting {Sitting}")]
    private partial void LogPublished(int count, string courseCode, string sitting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach guardian {GuardianEmail}")]
    private partial void LogGuardianUnreachable(string guardianEmail, Exception exception);

    public async Task HandleAsync(MessageContext<PublishResults> context, CancellationToken cancellationToken)
    {
        var publish = context.Message;
        using var activity = Source.StartActivity("results.publish");
        activity?.SetTag("learning.course.code", publish.CourseCode);
        activity?.SetTag("learning.sitting", publish.Sitting);

        var bands =
            from r in publish.Results
            group r by Band(r.Mark) into g
            orderby g.Key
            select new { Band = g.Key, Students = g.Count() };
        logger.LogInformation("Bands for {CourseCode}: {@Bands}", publish.CourseCode, bands.ToList()); // clean logging-objects

        var failing =
            from r in publish.Results
            where r.Mark < 40
            select r.Student.ToString();
        logger.LogWarning("Failing in {CourseCode}: {Students}", publish.CourseCode, failing.ToList()); // leak TC1001 logging-objects

        if (publish.Results.MaxBy(r => r.Mark) is { } top)
        {
            activity?.SetTag("learning.top.mark", top.Mark); // clean precision-about
            activity?.SetTag("learning.top.student", top.Student.ToString()); // leak TC1001 direct
        }

        foreach (var result in publish.Results.Where(r => r.Mark < 40 && r.GuardianEmail is not null))
        {
            await NotifyGuardianAsync(publish, result, activity, cancellationToken);
        }

        // One key per result, for the support team to look a line up in the results store.
        foreach (var key in ResultKeys(publish))
        {
            activity?.AddEvent(new ActivityEvent("results.line", tags: new() { ["results.key"] = key })); // leak TC1001 strings
        }

        LogPublished(publish.Results.Count, publish.CourseCode, publish.Sitting);
        logger.LogInformation("Guardian notices used template {EmailTemplateId}", publish.EmailTemplateId); // clean precision-names
    }

    private static IEnumerable<string> ResultKeys(PublishResults publish)
    {
        foreach (var result in publish.Results)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{publish.Sitting}/{result.Student}/{result.CourseCode}");
        }
    }

    private async Task NotifyGuardianAsync(PublishResults publish, ExamResult result, Activity? activity, CancellationToken cancellationToken)
    {
        var email = result.GuardianEmail!;
        Span<char> number = stackalloc char[16];
        if (result.Student.TryFormat(number, out var length, default, CultureInfo.InvariantCulture))
        {
            logger.LogDebug("Notifying the guardian of {Student}", number[..length].ToString()); // leak TC1001 strings
        }

        var learnerRef = new Lazy<string>(() => pseudonymizer.ComputeLearningStudentId(result.Student.ToString()));
        try
        {
            await mailer.SendAsync(email, publish.EmailTemplateId, new Dictionary<string, string> { ["course"] = publish.CourseCode }, cancellationToken);
            activity.AddCampusEvent(new GuardianNotified(publish.CourseCode, email, "email")); // leak TC1001 cross-member
            activity?.SetTag("guardian.email.domain", new MailAddress(email).Host); // clean precision-about
            logger.LogInformation("Guardian notified for learner {LearnerRef}", learnerRef.Value); // clean precision-pseudonym
        }
        catch (SmtpException ex)
        {
            LogGuardianUnreachable(email, ex); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("guardian.unreachable", tags: new() { ["smtp.status"] = ex.StatusCode.ToString() })); // clean exceptions
        }
    }
}
