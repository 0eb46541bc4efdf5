using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PrivacyHoldout15.Support;
using PrivacyHoldout15.Support.Hangfire;
using PrivacyHoldout15.Support.SendGrid;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Energy;

public sealed record Bill(Guid BillId, string AccountNumber, DateOnly PeriodEnd, decimal Amount, string TariffCode);

public sealed record BillingContact(string AccountNumber, string Title, string FamilyName, string Email, bool PaperlessBilling);

public interface IBillingStore
{
    Task<Bill> GetBillAsync(Guid billId, CancellationToken cancellationToken);

    Task<BillingContact> GetContactAsync(string accountNumber, CancellationToken cancellationToken);

    Task<byte[]> GetBillPdfAsync(Guid billId, CancellationToken cancellationToken);
}

public sealed class BillRunCompleted
{
    public required IReadOnlyList<Bill> Bills { get; init; }

    public required string RunId { get; init; }
}

/// <summary>At the end of a bill run, enqueues one email job per paperless account.</summary>
public sealed class BillRunHandler(IBackgroundJobClient jobs, ILogger<BillRunHandler> logger)
{
    public void Handle(BillRunCompleted run)
    {
        var ids = new List<string>();
        foreach (var bill in run.Bills)
        {
            ids.Add(jobs.Enqueue<BillReadyEmailJob>(job => job.SendAsync(bill.AccountNumber, bill.BillId, CancellationToken.None))); // leak TC1001 cross-member
        }

        logger.LogInformation("Bill run {RunId}: enqueued {Jobs} bill emails (first job {FirstJob})", run.RunId, ids.Count, ids.FirstOrDefault()); // clean precision-names
        logger.LogDebug("Bill run {RunId} accounts: {Accounts}", run.RunId, run.Bills.Select(b => b.AccountNumber).ToArray()); // leak TC1001 logging-objects
    }
}

[Queue("billing-email")]
[AutomaticRetry(Attempts = 5)]
public sealed class BillReadyEmailJob(IBillingStore billing, ISendGridClient sendGrid, Pseudonymizer pseudonymizer, ILogger<BillReadyEmailJob> logger)
{
    public const string TemplateId = "d-bill-ready-7c1e";

    public async Task SendAsync(string accountNumber, Guid billId, CancellationToken cancellationToken)
    {
        var contact = await billing.GetContactAsync(accountNumber, cancellationToken);
        if (!contact.PaperlessBilling)
        {
            logger.LogInformation("Account {Account} takes paper bills; no email for bill {BillId}", pseudonymizer.ComputeNotifyRecipientId(accountNumber), billId); // clean precision-pseudonym
            return;
        }

        var bill = await billing.GetBillAsync(billId, cancellationToken);
        var pdf = await billing.GetBillPdfAsync(billId, cancellationToken);
        var fileName = $"Bill-{bill.PeriodEnd:yyyy-MM}-{accountNumber}.pdf";

        var message = new SendGridMessage { From = new EmailAddress("bills@energy.example", "Your energy bill"), TemplateId = TemplateId };
        message.AddTo(contact.Email, $"{contact.Title} {contact.FamilyName}");
        message.SetTemplateData(new { contact.Title, contact.FamilyName, bill.Amount, bill.PeriodEnd });
        message.AddAttachment(fileName, Convert.ToBase64String(pdf));
        message.AddCustomArg("bill_id", billId.ToString());

        using var send = Activity.Current.EnrichNotifySend(NotifyChannel.Email).SetNotifyTemplateId(TemplateId); // clean precision-names
        send.Activity?.SetTag("bill.attachment", fileName); // leak TC1001 strings
        send.Activity?.SetTag("bill.attachment_kb", pdf.Length / 1024); // clean precision-about
        send.Activity?.SetTag("bill.tariff", bill.TariffCode); // clean precision-names

        var response = await sendGrid.SendEmailAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var payload = JsonSerializer.Serialize(message.Personalizations);
            logger.LogError("SendGrid returned {Status} for bill {BillId}; request personalizations {Personalizations}", response.StatusCode, billId, payload); // leak TC1001 strings
            throw new InvalidOperationException($"Bill email for {accountNumber} was refused with {(int)response.StatusCode}"); // leak TC1001 exceptions
        }

        send.SetNotifyStatus("accepted");
    }
}

/// <summary>A server filter the billing service registers globally: it logs each job as it starts and its failure.</summary>
public sealed class JobTraceFilter(ILogger<JobTraceFilter> logger) : JobFilterAttribute, IServerFilter
{
    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob.Job;
        Activity.Current.EnrichJobRun(job.Method.Name).SetJobRunId(context.BackgroundJob.Id).SetJobQueue(job.Queue ?? "default"); // clean precision-names
        logger.LogInformation("Performing {Job} ({JobId}) with arguments {Args}", job, context.BackgroundJob.Id, string.Join(", ", job.Args)); // leak TC1001 cross-member
        logger.LogDebug("Job {JobId} has {ArgCount} arguments, created {CreatedAt}", context.BackgroundJob.Id, job.Args.Count, context.BackgroundJob.CreatedAt); // clean precision-about
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Exception is { } ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Job {JobId} failed with {ExceptionType}", context.BackgroundJob.Id, ex.GetType().Name); // clean exceptions
        }
    }
}
