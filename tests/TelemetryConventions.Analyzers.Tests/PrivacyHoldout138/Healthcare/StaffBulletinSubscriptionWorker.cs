namespace PrivacyHoldout138.Healthcare;

/// <summary>A member of staff from the ESR feed: assignment number, name, work email and the bulletin they want.</summary>
public sealed record StaffMember(string AssignmentNumber, string FullName, string WorkEmail, string Directorate, bool WantsBulletin);

public sealed partial class StaffBulletinSubscriptionWorker(
    IQueueReceiver<StaffMember> feed,
    IMailingListClient mailing,
    TelemetrySecrets secrets,
    ILogger<StaffBulletinSubscriptionWorker> logger) : BackgroundService
{
    private const string BulletinListId = "trust-weekly-bulletin";
    private static readonly ActivitySource Source = new("Trust.StaffBulletin");

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscribed {AssignmentNumber} to the bulletin")]
    private static partial void LogSubscribed(ILogger logger, [PrivateData] string assignmentNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unsubscribed {WorkEmail} from the bulletin")]
    private static partial void LogUnsubscribed(ILogger logger, string workEmail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bulletin sync refused ({Status} {Title})")]
    private static partial void LogRefused(ILogger logger, int status, string title);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var member = await feed.ReceiveAsync(stoppingToken);
            if (member is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("bulletin.sync");
            activity?.SetTag("bulletin.list.id", BulletinListId); // clean precision-names
            activity?.SetTag("bulletin.directorate", member.Directorate); // clean precision-names
            var hash = SubscriberHash.For(member.WorkEmail);
            activity?.SetTag("bulletin.subscriber_hash", hash); // leak TC1002 hashes

            try
            {
                if (member.WantsBulletin)
                {
                    var saved = await mailing.UpsertAsync(BulletinListId, hash, new ListMember(member.WorkEmail, "subscribed", new() { ["FNAME"] = member.FullName }, new[] { member.Directorate }), stoppingToken);
                    LogSubscribed(logger, member.AssignmentNumber); // clean generated-api
                    logger.LogDebug("Mailing platform returned {Member}", saved); // leak TC1001 logging-objects
                    logger.LogDebug("Member status {Status} with {MergeFieldCount} merge fields", saved.Status, saved.MergeFields.Count); // clean precision-about
                }
                else
                {
                    await mailing.ArchiveAsync(BulletinListId, hash, stoppingToken);
                    LogUnsubscribed(logger, member.WorkEmail); // leak TC1001 generated-api
                }
            }
            catch (MailingApiException ex)
            {
                LogRefused(logger, ex.Status, ex.Title); // clean exceptions
                activity?.AddException(ex); // leak TC1001 exceptions
                var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(member.AssignmentNumber)))[..4];
                activity?.SetTag("bulletin.retry.shard", shard); // clean hashes
            }
        }
    }
}
