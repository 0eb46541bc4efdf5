using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PrivacyHoldout15.Support.Quartz;
using PrivacyHoldout15.Support.Twilio;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Transport;

public sealed record DepartureReminderRequest(string BookingReference, string Mobile, string PassengerFirstName, string Platform, DateTimeOffset Departs);

/// <summary>Schedules a Quartz job that texts the passenger 30 minutes before departure.</summary>
public sealed class DepartureReminderScheduler(IScheduler scheduler, ILogger<DepartureReminderScheduler> logger)
{
    public async Task ScheduleAsync(DepartureReminderRequest request, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<DepartureReminderJob>()
            .WithIdentity($"departure-{request.BookingReference}", "departures")
            .UsingJobData("booking", request.BookingReference)
            .UsingJobData("mobile", request.Mobile)
            .UsingJobData("firstName", request.PassengerFirstName)
            .Build();
        var trigger = TriggerBuilder.Create().WithIdentity($"departure-{request.BookingReference}", "departures").StartAt(request.Departs.AddMinutes(-30)).Build();
        await scheduler.ScheduleJob(job, trigger, cancellationToken);
        logger.LogInformation("Departure reminder {JobKey} scheduled", job.Key); // clean precision-names
        logger.LogDebug("Departure reminder request {Request}", JsonSerializer.Serialize(request)); // leak TC1001 logging-objects
    }
}

public sealed class DepartureReminderJob(ITwilioRestClient twilio, Pseudonymizer pseudonymizer, ILogger<DepartureReminderJob> logger) : IJob
{
    private static readonly ActivitySource Source = new("Transit.Reminders");

    public async Task Execute(IJobExecutionContext context)
    {
        var data = context.MergedJobDataMap;
        var booking = data.GetString("booking")!;
        var mobile = data.GetString("mobile")!;
        var firstName = data.GetString("firstName")!;

        using var run = Source.StartJobRun("departure-reminder").SetJobRunId(context.FireInstanceId);
        run.Activity?.SetTag("job.key", context.JobDetail.Key.ToString()); // clean precision-names
        run.Activity?.SetTag("job.data_keys", string.Join(",", data.Keys)); // clean precision-names
        run.Activity?.SetTag("job.data", string.Join(",", data.Select(kv => $"{kv.Key}={kv.Value}"))); // leak TC1001 logging-objects

        var message = await MessageResource.CreateAsync(to: mobile, from: "TRANSIT", body: $"{firstName}, your train leaves in 30 minutes. Booking {booking}.", client: twilio);
        run.Activity?.SetTag("sms.sid", message.Sid); // clean precision-names
        run.Activity?.SetTag("sms.to", message.To); // leak TC1001 cross-member
        run.Activity?.SetTag("sms.to_prefix", mobile[..3]); // clean precision-about
        run.Activity?.SetTag("sms.body_length", message.Body.Length);
        logger.LogInformation("Departure reminder for {Recipient} sent as {Sid}", pseudonymizer.ComputeNotifyRecipientId(mobile), message.Sid); // clean precision-pseudonym
        logger.LogInformation("Departure reminder text: {Body}", message.Body); // leak TC1001 strings
        run.Activity?.SetTag(NotifyAttributes.RecipientAddress, pseudonymizer.ComputeNotifyRecipientId(mobile)); // leak TC1001 precision-pseudonym
        run.Activity?.SetTag("sms.to_pseudonym", Pseudonym.FromComputed(mobile).Value); // leak TC1001 precision-pseudonym
        run.Activity?.SetTag("sms.to_b64", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(mobile))); // leak TC1001 hashes
    }
}
