namespace PrivacyHoldout144.Education;

/// <summary>What the reading challenge app posts when a pupil logs a finished book.</summary>
public sealed record ChallengeLog(string CardNumber, string Nickname, string School, string YearGroup, string TitleId, int Pages, string? Review, int Stars);

/// <summary>A badge. Prints badge code, books read and school.</summary>
public sealed record BadgeAwarded(string Badge, int BooksRead, string School);

/// <summary>
/// The summer reading challenge: pupils log the books they finish on the app with a star rating and a short review,
/// earn badges every six books and appear on their school's leaderboard under a nickname.
/// </summary>
public sealed class ReadingChallengeHandler(ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<ReadingChallengeHandler> logger)
{
    private readonly Counter<int> _books = meter.CreateCounter<int>("schoollib.challenge.books");
    private readonly Dictionary<string, int> _booksByNickname = new();
    private readonly Dictionary<string, int> _booksByYearGroup = new();

    public void Handle(ChallengeLog log)
    {
        using var span = source.StartSchoollibOperation(log.School, spanName: "reading-challenge.log");
        span.SetSchoollibPupilId(pseudonymizer.PseudonymizeSchoollibPupilId(log.CardNumber)); // clean precision-pseudonym
        span.SetSchoollibTitleId(log.TitleId); // clean generated-api
        span.SetSchoollibNote(log.Review); // leak TC1001 generated-api

        _books.Add(1, new KeyValuePair<string, object?>("schoollib.year_group", log.YearGroup)); // clean precision-about
        _books.Add(1, new KeyValuePair<string, object?>("schoollib.reader", log.Nickname)); // leak TC1003 direct
        Activity.Current?.SetTag("schoollib.challenge.stars", log.Stars); // clean precision-about
        Activity.Current?.SetTag("schoollib.challenge.review_length", log.Review?.Length ?? 0); // clean precision-about
        logger.LogInformation("Challenge log {@Log}", log); // leak TC1001 logging-objects

        var books = _booksByNickname[log.Nickname] = _booksByNickname.GetValueOrDefault(log.Nickname) + 1;
        _booksByYearGroup[log.YearGroup] = _booksByYearGroup.GetValueOrDefault(log.YearGroup) + 1;

        var partition = HashCode.Combine(log.School, log.CardNumber) & 15;
        Activity.Current?.SetTag("schoollib.leaderboard.partition", partition); // leak TC1002 hashes

        if (books % 6 == 0)
        {
            var badge = new BadgeAwarded($"summer-{books}", books, log.School);
            logger.LogInformation("Badge awarded: {Badge}", badge); // clean logging-objects
            Activity.Current?.AddEvent(new ActivityEvent("schoollib.badge", tags: new ActivityTagsCollection { ["schoollib.badge.code"] = badge.Badge, ["schoollib.pupil.nickname"] = log.Nickname })); // leak TC1001 direct
        }
    }

    public void PublishLeaderboards()
    {
        logger.LogInformation("Leaderboard: {Board}", _booksByNickname); // leak TC1001 cross-member
        logger.LogInformation("Books by year group: {Groups}", _booksByYearGroup); // clean cross-member
    }
}
