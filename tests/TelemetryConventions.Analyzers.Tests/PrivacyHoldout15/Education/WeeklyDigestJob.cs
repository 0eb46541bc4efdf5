using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyHoldout15.Support;
using PrivacyHoldout15.Support.Quartz;
using PrivacyHoldout15.Support.SendGrid;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Education;

public sealed record DigestModel(string GuardianName, string LearnerFirstName, int Attendance, IReadOnlyList<string> Homework, IReadOnlyList<string> Merits);

public interface IDigestContent
{
    Task<DigestModel?> BuildAsync(string studentNumber, Guid guardianId, CancellationToken cancellationToken);
}

/// <summary>Registers one Quartz job per learner and guardian; the learner travels in the job's data map.</summary>
public sealed class DigestScheduling(IScheduler scheduler, ILogger<DigestScheduling> logger)
{
    public async Task RegisterAsync(string studentNumber, Guardian guardian, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<WeeklyDigestJob>()
            .WithIdentity($"digest-{studentNumber}-{guardian.Id:N}", "weekly-digests")
            .UsingJobData("studentNumber", studentNumber)
            .UsingJobData("guardianId", guardian.Id.ToString())
            .UsingJobData("guardianEmail", guardian.Email)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"digest-{studentNumber}-{guardian.Id:N}-friday", "weekly-digests")
            .WithCronSchedule("0 0 16 ? * FRI")
            .Build();
        var first = await scheduler.ScheduleJob(job, trigger, cancellationToken); // clean direct
        logger.LogInformation("Weekly digest job {JobKey} first fires at {FirstFire}", job.Key, first); // leak TC1001 strings
        logger.LogInformation("Weekly digest registered in job group {Group}, trigger group {TriggerGroup}", job.Key.Group, trigger.Key.Group); // clean precision-names
    }
}

[DisallowConcurrentExecution]
public sealed class WeeklyDigestJob(
    IDigestContent content,
    ITemplateRenderer templates,
    ISendGridClient sendGrid,
    Pseudonymizer pseudonymizer,
    ILogger<WeeklyDigestJob> logger) : IJob
{
    private static readonly ActivitySource Source = new("School.Digests");

    public async Task Execute(IJobExecutionContext context)
    {
        var data = context.MergedJobDataMap;
        var studentNumber = data.GetString("studentNumber")!;
        var guardianId = Guid.Parse(data.GetString("guardianId")!);
        var email = data.GetString("guardianEmail")!;

        using var run = Source.StartJobRun("weekly-digest")
            .SetJobRunId(context.FireInstanceId) // clean precision-names
            .SetJobAttempt(context.RefireCount + 1)
            .SetJobSubjectId(pseudonymizer.PseudonymizeJobSubjectId(studentNumber)); // clean precision-pseudonym
        using var scope = logger.BeginScope("Digest {JobKey} fired at {FireTime}", context.JobDetail.Key.Name, context.FireTimeUtc); // leak TC1001 strings

        var model = await content.BuildAsync(studentNumber, guardianId, context.CancellationToken);
        if (model is null)
        {
            logger.LogInformation("Nothing to report this week for learner {StudentNumber}", studentNumber); // leak TC1001 direct
            run.SetJobOutcome("skipped: nothing to report");
            return;
        }

        var html = await templates.RenderAsync("Digest/Weekly", model);
        logger.LogDebug("Digest rendered: {Length} characters, {Homework} homework items, {Merits} merits", html.Length, model.Homework.Count, model.Merits.Count); // clean precision-about
        logger.LogDebug("Digest model {@Model}", model); // leak TC1001 logging-objects

        var message = new SendGridMessage { From = new EmailAddress("digest@school.example"), Subject = $"{model.LearnerFirstName}'s week", HtmlContent = html };
        message.AddTo(email, model.GuardianName);
        var response = await sendGrid.SendEmailAsync(message, context.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // Rescheduled by Quartz; the exception's message is the status only.
            throw new JobExecutionException($"SendGrid answered {(int)response.StatusCode}", refireImmediately: context.RefireCount < 2);
        }

        var mailbox = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..12];
        run.Activity?.SetTag("digest.mailbox", mailbox); // leak TC1002 hashes
        run.SetJobOutcome($"sent ({model.Homework.Count} homework items)"); // clean strings
        context.Result = "sent";
    }
}

/// <summary>Logs every job run of the school's scheduler, which runs only the digest jobs: they carry the learner and guardian in their data map.</summary>
public sealed class DigestJobListener(ILogger<DigestJobListener> logger) : IJobListener
{
    public string Name => "digest-audit";

    public Task JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        logger.LogDebug("Job of type {JobType} about to run, scheduled for {Scheduled}", context.JobDetail.JobType.Name, context.ScheduledFireTimeUtc); // clean precision-names
        return Task.CompletedTask;
    }

    public Task JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (jobException is not null)
        {
            logger.LogWarning(jobException, "Job {JobType} failed after {RunTime}, refire {Refire}", context.JobDetail.JobType.Name, context.JobRunTime, jobException.RefireImmediately); // clean exceptions
            logger.LogWarning("Failed job data: {@JobData}", context.MergedJobDataMap); // leak TC1001 logging-objects
        }
        else
        {
            logger.LogInformation("Job {JobType} finished in {RunTime} with {Result}", context.JobDetail.JobType.Name, context.JobRunTime, context.Result); // clean precision-names
        }
        return Task.CompletedTask;
    }
}
