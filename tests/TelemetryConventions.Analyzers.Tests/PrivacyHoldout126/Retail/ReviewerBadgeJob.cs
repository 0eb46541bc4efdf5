namespace PrivacyHoldout126.Retail;

/// <summary>Nightly: recompute reviewer badges (top reviewer, verified buyer, photo reviewer) and the contributors board.</summary>
public sealed record BadgeChange(string CustomerNumber, string Nickname, string BadgeCode, bool Awarded);

public sealed class BadgeRevokedException(string nickname, string badge)
    : Exception($"Badge {badge} revoked from {nickname} after review removals");

public sealed class ReviewerBadgeJob(IReviewPlatform platform, Pseudonymizer pseudonymizer, ILogger<ReviewerBadgeJob> logger)
{
    private static readonly ActivitySource Source = new("Shop.Badges");
    private static readonly Meter Meter = new("Shop.Badges");
    private static readonly Counter<long> Changes = Meter.CreateCounter<long>("reviewer.badge.changes");
    private static readonly Badge TopReviewer = new("top-reviewer", "Top reviewer", 3);

    public async Task RunAsync(IReadOnlyList<ReviewerProfile> reviewers, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("reviewer.badges.recompute");
        activity?.SetTag("reviewers", reviewers.Count); // clean precision-about
        logger.LogInformation("Badge definition {Badge}", TopReviewer); // clean precision-names

        var changes = new List<BadgeChange>();
        foreach (var profile in reviewers.Where(p => p.ReviewCount >= 25 && p.HelpfulVotes >= 100))
        {
            await platform.AwardBadgeAsync(profile.ReviewerId, TopReviewer, cancellationToken);
            changes.Add(new BadgeChange(profile.ReviewerId, profile.Nickname, TopReviewer.Code, true));
            Changes.Add(1, new KeyValuePair<string, object?>("badge", TopReviewer.Code), new("awarded", true)); // clean precision-names
            activity?.AddEvent(new ActivityEvent("badge.awarded", tags: new ActivityTagsCollection { ["badge"] = TopReviewer.Code, ["reviewer"] = pseudonymizer.ComputeProdrevAuthorId(profile.ReviewerId) })); // clean precision-pseudonym
            logger.LogDebug("Awarded {Badge} to {Profile}", TopReviewer.Code, profile); // leak TC1001 logging-objects
        }

        logger.LogInformation("Badge changes {Changes}", changes.Count); // clean precision-about
        logger.LogInformation("Badge changes {@Changes}", changes); // leak TC1001 logging-objects
        var board = reviewers.OrderByDescending(p => p.HelpfulVotes).Take(10).Select(p => $"{p.Nickname}:{p.HelpfulVotes}");
        activity?.SetTag("reviewer.board", string.Join(";", board)); // leak TC1001 strings
        activity?.SetTag("reviewer.board.min_votes", reviewers.OrderByDescending(p => p.HelpfulVotes).Take(10).Select(p => p.HelpfulVotes).DefaultIfEmpty().Min()); // clean precision-about
        var locations = reviewers.Where(p => p.Location is not null).GroupBy(p => p.Location!).ToDictionary(g => g.Key, g => g.Count());
        logger.LogDebug("Reviewers by stated location {Locations}", locations.Count); // clean precision-about
    }

    public void Revoke(ReviewerProfile profile, string badgeCode)
    {
        using var activity = Source.StartActivity("reviewer.badge.revoke");
        var ex = new BadgeRevokedException(profile.Nickname, badgeCode);
        activity?.AddException(ex); // leak TC1001 exceptions
        activity?.SetTag("reviewer.badge", badgeCode); // clean precision-names
        activity?.SetTag("reviewer.member_days", (DateTimeOffset.UtcNow - profile.MemberSince).Days); // clean precision-about
        var seed = profile.ReviewerId.GetHashCode() % 1000;
        activity?.SetTag("reviewer.audit_sample", seed); // leak TC1002 hashes
        Changes.Add(1, new KeyValuePair<string, object?>("badge", badgeCode), new("awarded", false)); // clean precision-names
        logger.LogWarning("Revoked {Badge} from reviewer {ReviewerId}", badgeCode, profile.ReviewerId); // leak TC1001 direct
    }
}
