using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout15.Support;
using PrivacyHoldout15.Support.Quartz;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Media;

public sealed record Subscription(Guid SubscriberId, string Email, string ProfileName, string Plan, DateOnly RenewsOn, decimal Price, string Currency);

public interface ISubscriptionStore
{
    Task<Subscription?> GetAsync(Guid subscriberId, CancellationToken cancellationToken);
}

public interface IEmailSender
{
    Task SendEmailAsync(string email, string subject, string htmlMessage);
}

public sealed record RenewalReminderModel(string ProfileName, string Plan, DateOnly RenewsOn, string Price);

/// <summary>A Quartz job fired seven days before each renewal; the subscriber id is in the trigger's data map.</summary>
[DisallowConcurrentExecution]
public sealed class RenewalReminderJob(
    ISubscriptionStore subscriptions,
    ITemplateRenderer templates,
    IEmailSender email,
    Pseudonymizer pseudonymizer,
    ILogger<RenewalReminderJob> logger,
    Meter meter) : IJob
{
    public const string SubscriberKey = "subscriberId";
    private static readonly ActivitySource Source = new("Streaming.Billing.Reminders");
    private readonly Counter<long> _reminders = meter.CreateCounter<long>("billing.renewal_reminders", "{email}");
    private readonly Histogram<double> _renewalValue = meter.CreateHistogram<double>("billing.renewal_value");

    public async Task Execute(IJobExecutionContext context)
    {
        var subscriberId = context.MergedJobDataMap.GetGuid(SubscriberKey);
        var reference = pseudonymizer.PseudonymizeJobSubjectId(subscriberId.ToString());
        using var run = Source.StartJobRun("renewal-reminder").SetJobRunId(context.FireInstanceId).SetJobSubjectId(reference); // clean precision-pseudonym
        Baggage.SetBaggage("subscriber.id", subscriberId.ToString()); // leak TC1001 direct
        run.Activity?.SetTag("job.trigger", context.Trigger.Key.ToString()); // clean precision-names

        var subscription = await subscriptions.GetAsync(subscriberId, context.CancellationToken);
        if (subscription is null)
        {
            context.Result = "cancelled";
            logger.LogInformation("Subscription of {SubscriberId} is gone; reminder dropped", subscriberId); // leak TC1001 direct
            return;
        }

        var price = subscription.Price.ToString("0.00") + " " + subscription.Currency;
        var model = new RenewalReminderModel(subscription.ProfileName, subscription.Plan, subscription.RenewsOn, price);
        string html;
        try
        {
            html = await templates.RenderAsync($"Renewal/{subscription.Plan}", model);
        }
        catch (TemplateNotFoundException ex)
        {
            logger.LogError(ex, "No renewal template for plan {Plan}", subscription.Plan); // clean exceptions
            throw new JobExecutionException(ex, refireImmediately: false);
        }

        var subject = string.Format("{0}, your {1} plan renews on {2:d}", subscription.ProfileName, subscription.Plan, subscription.RenewsOn);
        await email.SendEmailAsync(subscription.Email, subject, html); // clean direct
        run.SetJobOutcome(subject); // leak TC1001 generated-api
        logger.LogInformation("Renewal reminder rendered with {Model}", model); // leak TC1001 logging-objects
        logger.LogInformation("Renewal reminder for plan {Plan} renewing {RenewsOn} sent ({Length} chars)", subscription.Plan, subscription.RenewsOn, html.Length); // clean precision-about
        _renewalValue.Record((double)subscription.Price, new KeyValuePair<string, object?>("plan", subscription.Plan), new KeyValuePair<string, object?>("currency", subscription.Currency)); // clean precision-names
        _reminders.Add(1, new KeyValuePair<string, object?>("plan", subscription.Plan), new KeyValuePair<string, object?>("profile", subscription.ProfileName)); // leak TC1003 direct
        context.Result = "sent";
    }
}

/// <summary>Schedules the reminder for a new or renewed subscription.</summary>
public sealed class RenewalReminderScheduler(IScheduler scheduler, ILogger<RenewalReminderScheduler> logger)
{
    public async Task ScheduleAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var key = new JobKey($"renewal-{subscription.SubscriberId:N}", "renewals");
        if (await scheduler.CheckExists(key, cancellationToken))
        {
            await scheduler.DeleteJob(key, cancellationToken);
            logger.LogDebug("Replaced renewal reminder {JobKey}", key); // leak TC1001 strings
        }

        var job = JobBuilder.Create<RenewalReminderJob>()
            .WithIdentity(key.Name, key.Group)
            .UsingJobData(RenewalReminderJob.SubscriberKey, subscription.SubscriberId.ToString())
            .WithDescription($"Renewal reminder ({subscription.Plan})")
            .Build();
        var fireAt = subscription.RenewsOn.AddDays(-7).ToDateTime(new TimeOnly(9, 0));
        var trigger = TriggerBuilder.Create().WithIdentity(Guid.NewGuid().ToString("N"), "renewals").StartAt(new DateTimeOffset(fireAt, TimeSpan.Zero)).Build();
        var at = await scheduler.ScheduleJob(job, trigger, cancellationToken);
        logger.LogInformation("Renewal reminder '{Description}' with trigger {TriggerKey} at {FireAt}", job.Description, trigger.Key, at); // clean precision-names
    }
}
