namespace PrivacyHoldout144.Retail;

/// <summary>
/// The shops' book clubs: members rate each month's pick after the meeting, and the worker keeps each club's member
/// list in step with the loyalty scheme and greets members in the club app.
/// </summary>
public sealed class BookClubMembershipWorker(
    IBookClubStore clubs,
    IQueueReceiver<ClubMeetingFeedback> feedback,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<BookClubMembershipWorker> logger) : BackgroundService
{
    private const string Store = "piccadilly";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var item = await feedback.ReceiveAsync(stoppingToken);
            if (item is not null)
            {
                await HandleFeedbackAsync(item, stoppingToken);
            }
        }
    }

    private async Task HandleFeedbackAsync(ClubMeetingFeedback item, CancellationToken cancellationToken)
    {
        using var span = source.StartBookeventsOperation(Store, spanName: "book-club.feedback");
        var club = await clubs.ClubAsync(item.ClubId, cancellationToken);
        logger.LogInformation("Feedback for {Club}", club); // clean logging-objects
        span.SetBookeventsCustomerId(pseudonymizer.PseudonymizeBookeventsCustomerId(item.CustomerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("bookevents.club.rating", item.Rating); // clean precision-about
        Activity.Current?.SetTag("bookevents.club.pick_isbn", club.CurrentPickIsbn); // clean precision-names

        if (item.Comment is { Length: > 0 } comment)
        {
            span.SetBookeventsNote($"{item.Rating}* from a member: {comment}"); // leak TC1001 generated-api
            Activity.Current?.SetTag("bookevents.club.comment_words", comment.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        }

        logger.LogDebug("Feedback {Feedback}", item); // leak TC1001 logging-objects
    }

    public async Task SyncMembersAsync(string clubId, CancellationToken cancellationToken)
    {
        var members = await clubs.MembersAsync(clubId, cancellationToken);
        Activity.Current?.SetTag("bookevents.club.members", members.Count); // clean precision-about
        logger.LogInformation("Members of {ClubId}: {Members}", clubId, members); // leak TC1001 logging-objects
        logger.LogInformation("Members of {ClubId} joined in {Months}", clubId, members.Select(m => m.JoinedOn.ToString("yyyy-MM", CultureInfo.InvariantCulture)).Distinct()); // clean logging-objects

        foreach (var member in members)
        {
            var memberKey = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(member.CustomerNumber)));
            Activity.Current?.AddEvent(new ActivityEvent("bookevents.member.synced", tags: new ActivityTagsCollection { ["bookevents.member.key"] = memberKey.ToString() })); // leak TC1002 hashes

            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(member.CustomerNumber))[0] % 4;
            meter.CreateBookeventsBookingsCounter().Add(1, Store, bookeventsOutcome: $"synced-shard-{shard}"); // clean hashes

            var greeting = $"Welcome back to {clubId}, {member.FirstName}!";
            logger.LogDebug("App greeting {Greeting}", greeting); // leak TC1001 strings
        }
    }

    public async Task JoinAsync(string clubId, string customerNumber, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("bookevents.join.path", $"/clubs/{clubId}/members/{customerNumber}"); // leak TC1001 strings
        try
        {
            await clubs.JoinAsync(clubId, customerNumber, cancellationToken);
        }
        catch (ClubFullException ex)
        {
            logger.LogWarning(ex, "Join refused"); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
    }
}
