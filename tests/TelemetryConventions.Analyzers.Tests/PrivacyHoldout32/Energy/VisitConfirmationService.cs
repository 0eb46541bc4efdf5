using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout32.Support.Jobs;
using PrivacyHoldout32.Support.Notifications;
using PrivacyHoldout32.Telemetry;

namespace PrivacyHoldout32.Energy;

public sealed class MeterSerialMismatchException(string expected, string found, string mpan)
    : Exception($"Meter {found} on site does not match {expected} registered for MPAN {mpan}")
{
    public string Expected { get; } = expected;
}

public interface IMeterAssetService
{
    Task ConfirmExchangeAsync(EngineerVisit visit, string serialOnSite, CancellationToken cancellationToken);
}

public interface IVisitReminderJob
{
    Task RemindAsync(Guid visitId);
}

/// <summary>Confirms a booked visit by SMS, plans the reminder, and closes visits from the engineer's app.</summary>
public sealed class VisitConfirmationService(ISmsClient sms, IBackgroundJobClient jobs, IMeterAssetService assets, Meter meter, ILogger<VisitConfirmationService> logger)
{
    private readonly Counter<long> _noAccess = meter.CreateCounter<long>("field.visits.no_access");
    private readonly Counter<long> _repeatNoAccess = meter.CreateCounter<long>("field.visits.no_access.by_meter");

    public async Task ConfirmAsync(EngineerVisit visit, string customerName, string phone, CancellationToken cancellationToken)
    {
        var body = $"Hi {customerName}, your smart meter visit is booked for {visit.Day:dddd d MMMM} ({visit.Band}). Ref {visit.VisitId.ToString()[..8].ToUpperInvariant()}.";
        var receipt = await sms.SendAsync(new SmsMessage(phone, "BrightVolt", body), cancellationToken);
        logger.LogInformation("Confirmation {Sid} for visit {VisitId} in {Segments} segments", receipt.Sid, visit.VisitId, receipt.Segments); // clean precision-about
        logger.LogDebug("Confirmation text {Body}", body); // leak TC1001 strings
        Activity.Current?.SetTag("visit.contact.has_phone", !string.IsNullOrEmpty(phone)); // clean precision-names
        Activity.Current?.SetTag(BookingAttributes.SubjectContact, phone); // leak TC1001 generated-api

        var reminderKey = $"visit-reminder-{visit.AccountNumber}-{visit.Day:yyyyMMdd}";
        var remindAt = new DateTimeOffset(visit.Day.AddDays(-1).ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);
        var jobId = jobs.Schedule<IVisitReminderJob>(job => job.RemindAsync(visit.VisitId), remindAt); // clean precision-about
        logger.LogDebug("Reminder {ReminderKey} scheduled as job {JobId}", reminderKey, jobId); // leak TC1001 strings
    }

    public async Task CompleteExchangeAsync(EngineerVisit visit, string serialOnSite, CancellationToken cancellationToken)
    {
        var span = new BookingReserveSpan(Activity.Current);
        try
        {
            await assets.ConfirmExchangeAsync(visit, serialOnSite, cancellationToken);
        }
        catch (MeterSerialMismatchException ex)
        {
            span.RecordException(ex, "serial mismatch"); // clean exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Visit {VisitId} stopped: {Reason}", visit.VisitId, ex.GetType().Name); // clean exceptions
        }
        catch (TimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }
    }

    public void RecordNoAccess(EngineerVisit visit, string engineerNote)
    {
        _noAccess.Add(1, new KeyValuePair<string, object?>("patch", visit.Patch), new KeyValuePair<string, object?>("band", visit.Band)); // clean precision-about
        _repeatNoAccess.Add(1, new KeyValuePair<string, object?>("meter.serial", visit.MeterSerial)); // leak TC1003 direct
        logger.LogWarning("No access for visit {VisitId}: {Note}", visit.VisitId, engineerNote); // leak TC1001 direct
    }
}
