using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout55.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout55.Education;

public sealed record GuardianNotice(string GuardianAccountId, string GuardianEmail, string? GuardianMobile, string StudentNumber, string CourseCode, string EmailTemplateId);

public interface INoticeSender
{
    Task SendEmailAsync(string to, string templateId, CancellationToken cancellationToken);

    Task SendSmsAsync(string to, string templateId, CancellationToken cancellationToken);
}

/// <summary>Sends late-work notices to guardians from the platform's queue.</summary>
public sealed class GuardianNotifier(
    IQueueReceiver<GuardianNotice> queue,
    INoticeSender sender,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<GuardianNotifier> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var notice = await queue.ReceiveAsync(stoppingToken);
            if (notice is null)
            {
                continue;
            }
            await NotifyAsync(notice, stoppingToken);
        }
    }

    private async Task NotifyAsync(GuardianNotice notice, CancellationToken cancellationToken)
    {
        var channel = notice.GuardianMobile is null ? CampusChannel.Email : CampusChannel.Sms;
        var guardian = pseudonymizer.PseudonymizeCampusGuardianId(notice.GuardianAccountId);
        using var span = source.StartCampusGuardianNotify(guardian, channel); // clean precision-pseudonym
        span.SetCampusCourseCode(notice.CourseCode)
            .SetCampusStudentId(pseudonymizer.PseudonymizeCampusStudentId(notice.StudentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag(CampusAttributes.GuardianContact, notice.GuardianEmail); // leak TC1001 generated-api
        span.Activity?.SetTag("campus.guardian.email_domain", new MailAddress(notice.GuardianEmail).Host); // clean precision-about
        span.Activity?.SetTag("campus.notice.email_template_id", notice.EmailTemplateId); // clean precision-names

        try
        {
            if (channel == CampusChannel.Sms)
            {
                await sender.SendSmsAsync(notice.GuardianMobile!, notice.EmailTemplateId, cancellationToken);
            }
            else
            {
                await sender.SendEmailAsync(notice.GuardianEmail, notice.EmailTemplateId, cancellationToken);
            }
            meter.CreateCampusNotificationsCounter().Add(1, channel, notice.CourseCode); // clean precision-about
        }
        catch (SmtpFailedRecipientException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogCampusGuardianNotificationFailedEvent(channel, guardian, campusNote: ex.FailedRecipient); // leak TC1001 generated-api
            logger.LogCampusGuardianNotificationFailedEvent(channel, guardian, campusNote: ex.StatusCode.ToString()); // clean exceptions
            meter.CreateCampusNotificationsCounter().Add(0, CampusChannelValue.Custom("failed:" + notice.GuardianEmail), notice.CourseCode); // leak TC1003 generated-api
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogCampusGuardianNotificationFailedEvent(CampusChannelValue.Custom("timeout"), guardian, campusNote: ex.GetType().Name); // clean generated-api
            span.Activity?.SetTag(CampusAttributes.GuardianContact, guardian.Value); // leak TC1001 precision-pseudonym
            logger.LogWarning("Notice to guardian {GuardianRef} timed out ({EmailTemplateId})", guardian, notice.EmailTemplateId); // clean precision-pseudonym
        }
    }
}
