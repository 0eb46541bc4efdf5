using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Education;

public sealed record ResultNotice(string StudentNumber, string CourseCode, string AssignmentId, string Grade, IReadOnlyList<GuardianContact> Guardians);

public sealed record GuardianContact(string GuardianAccountId, string Email, string? Mobile, bool PrefersSms);

public interface INoticeSender
{
    Task SendEmailAsync(string to, string templateId, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken);

    Task SendSmsAsync(string to, string text, CancellationToken cancellationToken);
}

/// <summary>Thrown by the email relay; its message quotes the rejected recipient, as the relay's 5xx replies do.</summary>
public sealed class RecipientRejectedException(string recipient, int smtpStatus)
    : Exception($"550 5.1.1 <{recipient}>: recipient address rejected")
{
    public int SmtpStatus { get; } = smtpStatus;
}

/// <summary>
/// Sends result notices to guardians once a grade is released. The release endpoint writes notices
/// to a bounded channel; this worker reads them and notifies every guardian of a student at once.
/// </summary>
public sealed class ResultNoticeDispatcher : BackgroundService
{
    private static readonly ActivitySource Source = new("Grading.Notices");

    private readonly Channel<ResultNotice> _notices;
    private readonly INoticeSender _sender;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<ResultNoticeDispatcher> _logger;
    private readonly Counter<long> _sent;
    private readonly Histogram<int> _fanOut;

    public ResultNoticeDispatcher(INoticeSender sender, Pseudonymizer pseudonymizer, Meter meter, ILogger<ResultNoticeDispatcher> logger)
    {
        _sender = sender;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        _sent = meter.CreateCounter<long>("grading.notices.sent");
        _fanOut = meter.CreateHistogram<int>("grading.notices.guardians_per_student");
        _notices = Channel.CreateBounded<ResultNotice>(
            new BoundedChannelOptions(500) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => _logger.LogWarning("Notice queue full; dropped the notice for {Student} on {Course}", dropped.StudentNumber, dropped.CourseCode)); // leak TC1001 cross-member
    }

    public ChannelWriter<ResultNotice> Writer => _notices.Writer;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var notice in _notices.Reader.ReadAllAsync(stoppingToken))
        {
            using var activity = Source.StartActivity("grading.notice.dispatch");
            activity?.SetTag(GradingAttributes.StudentId, _pseudonymizer.ComputeGradingStudentId(notice.StudentNumber)); // clean precision-pseudonym
            activity?.SetTag(GradingAttributes.AssignmentId, notice.AssignmentId); // clean direct
            activity?.SetTag("grading.notice.key", $"{notice.StudentNumber}:{notice.AssignmentId}"); // leak TC1001 strings
            activity?.SetTag("grading.notice.batch", $"{notice.CourseCode}:{notice.AssignmentId}"); // clean strings
            activity?.SetTag("grading.guardians", notice.Guardians.Count); // clean precision-about
            _fanOut.Record(notice.Guardians.Count, new KeyValuePair<string, object?>("grading.course", notice.CourseCode)); // clean precision-about

            var deliveries = notice.Guardians.Select(g => NotifyAsync(notice, g, stoppingToken)).ToList();
            var all = Task.WhenAll(deliveries);
            try
            {
                await all;
            }
            catch
            {
                var failed = deliveries.Count(d => d.IsFaulted);
                activity?.SetStatus(ActivityStatusCode.Error, $"{failed} of {deliveries.Count} guardians not notified"); // clean exceptions
                _logger.LogError(all.Exception, "Result notice for {Assignment} incomplete", notice.AssignmentId); // leak TC1001 exceptions
                foreach (var fault in all.Exception!.InnerExceptions.OfType<RecipientRejectedException>())
                {
                    _logger.LogWarning("Relay refused a guardian address with {Status}", fault.SmtpStatus); // clean exceptions
                }
            }
        }
    }

    private async Task NotifyAsync(ResultNotice notice, GuardianContact guardian, CancellationToken cancellationToken)
    {
        if (guardian.PrefersSms && guardian.Mobile is { } mobile)
        {
            await _sender.SendSmsAsync(mobile, $"New result for {notice.CourseCode}: {notice.Grade}", cancellationToken);
            _sent.Add(1, new KeyValuePair<string, object?>("channel", "sms")); // clean direct
            _logger.LogDebug("Texted {Mobile} about {Student}", mobile, notice.StudentNumber); // leak TC1001 direct
            return;
        }

        await _sender.SendEmailAsync(guardian.Email, "result-released-v3", new Dictionary<string, string> { ["course"] = notice.CourseCode, ["grade"] = notice.Grade }, cancellationToken);
        _sent.Add(1, new KeyValuePair<string, object?>("channel", "email"), new KeyValuePair<string, object?>("email.domain", guardian.Email[(guardian.Email.IndexOf('@') + 1)..])); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("grading.notice.emailed", tags: new ActivityTagsCollection { ["guardian.account"] = guardian.GuardianAccountId, ["template"] = "result-released-v3" })); // leak TC1001 direct
        Activity.Current?.SetTag(GradingAttributes.GuardianContact, _pseudonymizer.Pseudonymize("guardian", guardian.Email).Value); // leak TC1001 precision-pseudonym
    }
}

/// <summary>The release endpoint: a teacher releases an assignment's grades and the notices are queued.</summary>
public sealed class GradeRelease(ResultNoticeDispatcher dispatcher, ILogger<GradeRelease> logger)
{
    public async Task<int> ReleaseAsync(string courseCode, string assignmentId, IEnumerable<(string StudentNumber, string Grade, IReadOnlyList<GuardianContact> Guardians)> grades, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var batch in grades.Chunk(100))
        {
            foreach (var (studentNumber, grade, guardians) in batch)
            {
                if (guardians.Count == 0)
                {
                    logger.LogInformation("No guardian on file for {StudentNumber}; notice not queued", studentNumber); // leak TC1001 direct
                    continue;
                }
                await dispatcher.Writer.WriteAsync(new ResultNotice(studentNumber, courseCode, assignmentId, grade, guardians), cancellationToken);
                queued++;
            }
            logger.LogDebug("Queued a batch of {BatchSize} notices for {Course}/{Assignment}", batch.Length, courseCode, assignmentId);
        }
        return queued;
    }
}
