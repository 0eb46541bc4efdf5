namespace PrivacyHoldout90.Education;

public sealed record ChildRef(string FirstName, string StudentNumber);

/// <summary>A guardian due a digest, with the children the digest covers.</summary>
public sealed record DigestRecipient(string GuardianAccountId, string GuardianEmail, IReadOnlyList<ChildRef> Children);

public interface IDigestQueries
{
    IAsyncEnumerable<DigestRecipient> GuardiansDueAsync(string period, CancellationToken cancellationToken);

    Task<IReadOnlyList<NotificationRecord>> UnreadSinceAsync(string accountId, DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>
/// Sunday evening: one email per guardian summing up the week's unread notifications (homework set,
/// grades, attendance) for all their children, with a one-click unsubscribe link.
/// </summary>
public sealed class WeeklyGuardianDigest(
    IDigestQueries queries,
    IEmailSender email,
    NotificationOptions options,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<WeeklyGuardianDigest> logger) : BackgroundService
{
    private static readonly Meter DigestMeter = new("School.Digest");
    private static readonly Histogram<int> ItemsPerDigest = DigestMeter.CreateHistogram<int>("schoolnotify.digest.items", "{item}");
    private static readonly Counter<long> DigestsSent = DigestMeter.CreateCounter<long>("schoolnotify.digests.sent", "{digest}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var run = source.StartActivity("schoolnotify.digest.run");
        run?.SetTag("schoolnotify.digest.from", options.FromAddress); // clean precision-names
        var sent = 0;
        await foreach (var guardian in queries.GuardiansDueAsync("weekly", stoppingToken))
        {
            var digest = await BuildAsync(guardian, stoppingToken);
            if (digest.Items.Count == 0)
            {
                continue;
            }

            logger.LogDebug("Built {Digest} with {Items} items", digest, digest.Items.Count); // clean logging-objects
            logger.LogDebug("Digest for guardian {Guardian} covers {Children} children", pseudonymizer.ComputeSchoolnotifyRecipientId(guardian.GuardianAccountId), guardian.Children.Count); // clean precision-pseudonym
            ItemsPerDigest.Record(digest.Items.Count, new KeyValuePair<string, object?>("schoolnotify.period", digest.Period)); // clean precision-about
            logger.LogTrace("Digest lines: {Lines}", digest.Items.Select(i => i.Line)); // leak TC1001 logging-objects

            var unsubscribe = UnsubscribeToken(guardian.GuardianEmail);
            logger.LogDebug("Unsubscribe token {Token} issued for the weekly digest", unsubscribe); // leak TC1002 hashes
            try
            {
                await email.SendAsync(guardian.GuardianEmail, digest.Subject, Render(digest, unsubscribe), stoppingToken);
                sent++;
                DigestsSent.Add(1, new KeyValuePair<string, object?>("schoolnotify.children", guardian.Children.Count)); // clean precision-about
            }
            catch (DeliveryFailedException ex)
            {
                logger.LogWarning(ex, "Weekly digest not delivered"); // leak TC1001 exceptions
            }
            run?.SetTag("schoolnotify.digest.last_subject", digest.Subject); // leak TC1001 strings
        }
        run?.SetTag("schoolnotify.digests", sent); // clean precision-about
    }

    private async Task<Digest> BuildAsync(DigestRecipient guardian, CancellationToken cancellationToken)
    {
        var digest = new Digest { RecipientId = guardian.GuardianAccountId, Period = "weekly" };
        digest.Subject = $"This week for {string.Join(" and ", guardian.Children.Select(c => c.FirstName))}";
        foreach (var item in await queries.UnreadSinceAsync(guardian.GuardianAccountId, DateTimeOffset.UtcNow.AddDays(-7), cancellationToken))
        {
            digest.Items.Add(new DigestItem(item.Verb, item.ObjectId, item.Text, item.CreatedAt));
        }
        Activity.Current?.SetTag("schoolnotify.digest.verbs", string.Join(",", digest.Items.Select(i => i.Verb).Distinct())); // clean precision-names
        return digest;
    }

    /// <summary>The legacy unsubscribe token the mail platform still accepts: SHA-1 of the address.</summary>
    private static string UnsubscribeToken(string address) =>
        Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant()))).ToLowerInvariant();

    private string Render(Digest digest, string unsubscribe)
    {
        var body = new StringBuilder();
        foreach (var group in digest.Items.GroupBy(i => i.Verb))
        {
            body.AppendLine(group.Key);
            foreach (var item in group)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"  {item.At:ddd} {item.Line}");
            }
        }
        body.AppendLine(CultureInfo.InvariantCulture, $"Unsubscribe: {options.AppBaseUrl}/digest/unsubscribe?t={unsubscribe}");
        return body.ToString();
    }
}
