namespace PrivacyHoldout152.Media;

/// <summary>Sends each setting's monthly newsletter to its parents and tracks bounces.</summary>
public sealed class NewsletterWorker(
    IParentApp app,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<NewsletterWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Nursery.Newsletter");

    private readonly List<string> bounced = new();
    private Newsletter? lastIssue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var setting in new[] { "EY501234", "EY501377", "EY502010" })
        {
            var recipients = await app.RecipientsAsync(setting, stoppingToken);
            var issue = new Newsletter($"{setting}-{DateTime.UtcNow:yyyy-MM}", setting, "Spring at Little Acorns", recipients.Count);
            lastIssue = issue;
            using var span = Source.StartNurseryshareOperation(setting);
            logger.LogInformation("Sending {Issue}", issue); // clean logging-objects
            Activity.Current?.SetTag("newsletter.issue", issue.IssueId); // clean precision-names
            Activity.Current?.SetTag("newsletter.recipients", recipients.Count); // clean precision-about
            Activity.Current?.SetTag("newsletter.domains", string.Join(",", recipients.Select(r => r.Split('@')[^1]).Distinct())); // clean strings

            foreach (var email in recipients)
            {
                try
                {
                    await app.SendAsync(issue, email, stoppingToken);
                }
                catch (InvalidOperationException ex)
                {
                    bounced.Add(email);
                    logger.LogWarning(ex, "Newsletter bounced for {Recipient}", email); // leak TC1001 direct
                    logger.LogWarning("Newsletter bounced for {Recipient}", pseudonymizer.Pseudonymize("parent.email", email)); // clean precision-pseudonym
                    Activity.Current?.AddEvent(new ActivityEvent("newsletter.bounced", tags: new ActivityTagsCollection { ["recipient.domain"] = email.Split('@')[^1] })); // clean precision-about
                    meter.CreateNurserysharePostsCounter().Add(1, setting, email); // leak TC1003 generated-api
                    Activity.Current?.SetTag("newsletter.bounce_key", HashCode.Combine(email, setting)); // leak TC1002 hashes
                }
            }

        }
    }

    public void LogRun()
    {
        logger.LogInformation("Last issue {IssueId} to {Recipients}", lastIssue?.IssueId, lastIssue?.Recipients); // clean cross-member
        logger.LogInformation("{Bounced} bounces", bounced.Count); // clean cross-member
        logger.LogInformation("Bounced: {Emails}", bounced); // leak TC1001 cross-member
    }
}
