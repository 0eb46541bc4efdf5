using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using PrivacyHoldout63.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout63.Education;

public sealed class GuardianNoticeOptions
{
    /// <summary>The school's no-reply address (a role address).</summary>
    public string SenderAddress { get; set; } = "noreply@northfield.sch.uk";

    /// <summary>The designated safeguarding lead, a named member of staff, copied on welfare notices.</summary>
    public string SafeguardingLeadEmail { get; set; } = string.Empty;

    public string SmtpHost { get; set; } = string.Empty;

    public int SmtpPort { get; set; } = 587;

    public int MaxSendAttempts { get; set; } = 5;
}

public sealed class GuardianNoticeOptionsValidator : IValidateOptions<GuardianNoticeOptions>
{
    public ValidateOptionsResult Validate(string? name, GuardianNoticeOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SafeguardingLeadEmail))
        {
            failures.Add($"{nameof(options.SafeguardingLeadEmail)} must be set");
        }
        else if (!MailAddress.TryCreate(options.SafeguardingLeadEmail, out _))
        {
            failures.Add($"{nameof(options.SafeguardingLeadEmail)} is not a valid address");
        }

        if (options.MaxSendAttempts is < 1 or > 10)
        {
            failures.Add($"{nameof(options.MaxSendAttempts)} must be between 1 and 10, not {options.MaxSendAttempts}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

public sealed class GuardianNoticeStartup(
    IOptionsMonitor<GuardianNoticeOptions> options,
    IValidateOptions<GuardianNoticeOptions> validator,
    ILogger<GuardianNoticeStartup> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var result = validator.Validate(null, current);
        if (result.Failed)
        {
            logger.LogCritical("Guardian notices disabled: {Failures}", result.FailureMessage); // clean cross-member
        }

        logger.LogInformation("Guardian notices via {SmtpHost}:{SmtpPort} from {SenderAddress}", current.SmtpHost, current.SmtpPort, current.SenderAddress); // clean precision-names
        logger.LogInformation("Welfare notices copied to {SafeguardingLead}", current.SafeguardingLeadEmail); // leak TC1001 direct

        _subscription = options.OnChange((updated, _) =>
        {
            if (!string.Equals(updated.SafeguardingLeadEmail, current.SafeguardingLeadEmail, StringComparison.OrdinalIgnoreCase))
            {
                logger.LogWarning("Safeguarding lead changed from {Previous} to {Current}", current.SafeguardingLeadEmail, updated.SafeguardingLeadEmail); // leak TC1001 direct
                logger.LogWarning("Safeguarding lead changed; {SafeguardingLeadEmailLength} characters", updated.SafeguardingLeadEmail.Length); // clean precision-names
            }

            current = updated;
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        logger.LogInformation("Guardian notice host stopping");
        return Task.CompletedTask;
    }
}

public sealed record GuardianNotice(string StudentNumber, string GuardianEmail, string TemplateId, string YearGroup);

/// <summary>Sends guardian notices through a Polly v7 retry; the send's context carries the notice for the callbacks.</summary>
public sealed class GuardianNoticeSender(IOptions<GuardianNoticeOptions> options, Pseudonymizer pseudonymizer, ILogger<GuardianNoticeSender> logger)
{
    // SmtpException covers SmtpFailedRecipientException, whose message quotes the server's reply about the guardian's mailbox.
    private readonly AsyncPolicy _retry = Policy
        .Handle<SmtpException>()
        .Or<TimeoutException>()
        .WaitAndRetryAsync(
            options.Value.MaxSendAttempts,
            attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)),
            (exception, delay, attempt, context) =>
            {
                logger.LogWarning("Notice {TemplateId} attempt {Attempt} failed with {StatusCode}; retry in {Delay}", context["template"], attempt, (exception as SmtpException)?.StatusCode, delay); // clean precision-about
                logger.LogWarning("Notice to {Guardian} will be retried", context["guardian"]); // leak TC1001 cross-member
                logger.LogDebug(exception, "SMTP attempt {Attempt} failed", attempt); // leak TC1001 exceptions
                logger.LogDebug("Retry context {Context}", string.Join(", ", context.Select(kv => $"{kv.Key}={kv.Value}"))); // leak TC1001 logging-objects
                logger.LogDebug("Retry for student {StudentRef} in {Operation}", context["student_ref"], context.OperationKey); // clean precision-pseudonym
            });

    public async Task SendAsync(GuardianNotice notice, Func<GuardianNotice, Task> send)
    {
        var context = new Context($"notice:{notice.TemplateId}")
        {
            ["template"] = notice.TemplateId,
            ["guardian"] = notice.GuardianEmail,
            ["student_ref"] = pseudonymizer.ComputeVleStudentId(notice.StudentNumber),
            ["year_group"] = notice.YearGroup,
        };
        try
        {
            await _retry.ExecuteAsync(_ => send(notice), context);
        }
        catch (SmtpFailedRecipientException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("smtp.status_code", (int)ex.StatusCode); // clean exceptions
        }
    }
}
