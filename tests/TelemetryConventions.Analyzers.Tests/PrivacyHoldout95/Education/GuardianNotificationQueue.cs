namespace PrivacyHoldout95.Education;

/// <summary>The payload of a guardian notification work item (absence, late pick-up, trip consent).</summary>
public sealed record GuardianNotice(string Kind, string StudentNumber, string GuardianEmail, string? GuardianMobile, string TemplateId, string School);

public interface IGuardianNotifier
{
    Task SendAsync(GuardianNotice notice, CancellationToken cancellationToken = default);
}

/// <summary>The mail relay's refusal; quotes the mailbox as SMTP replies do.</summary>
public sealed class MailboxUnavailableException(string mailbox) : Exception($"550 5.1.1 <{mailbox}>: mailbox unavailable");

/// <summary>The notifier's throttling: names the template and the wait, nothing else.</summary>
public sealed class NotifierThrottledException(string templateId, TimeSpan retryAfter) : Exception($"Template {templateId} throttled; retry after {retryAfter}")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>Drains the guardian notification queue; retries throttled notices, dead-letters the ones that cannot go.</summary>
public sealed class GuardianNotificationWorker(
    IBackgroundTaskQueue queue,
    IGuardianNotifier notifier,
    IDeadLetterStore deadLetters,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IOptions<JobOptions> options,
    ILogger<GuardianNotificationWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Academy.Notifications");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var item = await queue.DequeueAsync(stoppingToken);
            using var span = Source.StartTermjobsJobRun("guardian-notice")
                .SetTermjobsJobId(item.Id.ToString())
                .SetTermjobsJobAttempt(item.Attempt);
            span.Activity?.SetTag("termjobs.queue.depth", queue.Count); // clean precision-about
            var notice = JsonSerializer.Deserialize<GuardianNotice>(item.Payload)!;
            span.SetTermjobsStudentId(pseudonymizer.PseudonymizeTermjobsStudentId(notice.StudentNumber)).SetTermjobsSchool(notice.School); // clean precision-pseudonym
            span.Activity?.SetTag("termjobs.notice.template", notice.TemplateId); // clean precision-names
            span.Activity?.SetTag("termjobs.guardian.email_domain", notice.GuardianEmail.Split('@')[^1]); // clean precision-about
            span.Activity?.SetTag("termjobs.guardian.ref", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(notice.GuardianEmail.ToLowerInvariant())))); // leak TC1002 hashes
            span.Activity?.SetTag("termjobs.guardian.lane", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(notice.GuardianEmail))[0] % 8); // clean hashes
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["WorkItemId"] = item.Id, ["Kind"] = notice.Kind, ["GuardianEmail"] = notice.GuardianEmail }); // leak TC1001 logging-objects

            try
            {
                await notifier.SendAsync(notice, stoppingToken);
                span.SetTermjobsOutcome("sent");
            }
            catch (NotifierThrottledException ex) when (item.Attempt < options.Value.MaxAttempts)
            {
                logger.LogInformation(ex, "Notice {WorkItemId} throttled, attempt {Attempt}", item.Id, item.Attempt);
                await queue.QueueAsync(item with { Attempt = item.Attempt + 1 }, stoppingToken);
            }
            catch (Exception ex)
            {
                var reason = ex is MailboxUnavailableException ? DeadLetterReason.ValidationFailed : DeadLetterReason.MaxAttemptsExceeded;
                await deadLetters.AddAsync(new DeadLetter(item.Id, "guardian-notices", notice.Kind, item.Payload, reason, item.Attempt, DateTimeOffset.UtcNow) { ErrorMessage = ex.Message, PartitionKey = notice.StudentNumber }, stoppingToken);
                span.SetTermjobsOutcome("dead_lettered").SetStatus(ActivityStatusCode.Error, reason.ToString());
                logger.LogTermjobsJobDeadLetteredEvent("guardian-notice", "dead_lettered", item.Attempt, pseudonymizer.PseudonymizeTermjobsStudentId(notice.StudentNumber), $"{reason}: {ex.Message}"); // leak TC1001 generated-api
                logger.LogWarning("Dead-lettered {Item}", item); // leak TC1001 logging-objects
            }
        }
    }
}

/// <summary>The attendance office's dead-letter page: list, inspect, requeue.</summary>
public static class GuardianDeadLetterEndpoints
{
    public static void Map(EndpointRoutes routes)
    {
        routes.MapGet("/ops/dead-letters/guardian-notices", async (IDeadLetterStore store, ILogger<DeadLetterPage> logger, CancellationToken cancellationToken) =>
        {
            var page = await store.ListAsync("guardian-notices", 100, cancellationToken);
            logger.LogInformation("Dead letters page: {Count} items, reasons {Reasons}", page.Count, string.Join(",", page.Select(d => d.Reason).Distinct())); // clean precision-about
            logger.LogDebug("Dead letter students: {Students}", page.Select(d => d.PartitionKey).ToList()); // leak TC1001 cross-member
            return page;
        });

        routes.MapPost("/ops/dead-letters/{id:guid}/requeue", async (Guid id, ClaimsUser user, IDeadLetterStore store, IBackgroundTaskQueue queue, Pseudonymizer pseudonymizer, ILogger<DeadLetterPage> logger, CancellationToken cancellationToken) =>
        {
            var deadLetter = await store.GetAsync(id, cancellationToken);
            if (deadLetter is null)
            {
                return false;
            }
            await queue.QueueAsync(new WorkItem(deadLetter.MessageType, deadLetter.Payload, DateTimeOffset.UtcNow) { Id = deadLetter.Id }, cancellationToken);
            await store.RemoveAsync(id, cancellationToken);
            Activity.Current?.EnrichTermjobsJobRun("dead-letter-requeue").SetTermjobsOperatorId(pseudonymizer.PseudonymizeTermjobsOperatorId(user.SubjectId!)); // clean precision-pseudonym
            logger.LogInformation("Dead letter {Id} ({Reason}, {Attempts} attempts) requeued by {Operator}", id, deadLetter.Reason, deadLetter.Attempts, user.Email); // leak TC1001 direct
            logger.LogInformation("Requeued payload {Payload}", deadLetter.Payload); // leak TC1001 strings
            return true;
        });
    }
}

public sealed class DeadLetterPage;
