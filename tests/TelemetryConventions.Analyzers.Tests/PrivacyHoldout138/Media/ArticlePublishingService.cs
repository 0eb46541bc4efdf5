namespace PrivacyHoldout138.Media;

public sealed record PublishRequest(string ArticleId, string Slug, string Section, string Headline, IReadOnlyList<string> ContributorIds, int WordCount, DateTimeOffset? EmbargoUntil);

public sealed class ArticlePublishingService(
    ICmsClient cms,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ArticlePublishingService> logger)
{
    private readonly Counter<long> _freelancePieces = meter.CreateCounter<long>("newsdesk.freelance.pieces", "{piece}");
    private Contributor? _lastFreelancer;

    public async Task<PublishResult?> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartNewsdeskPublish(request.ArticleId).SetNewsdeskSection(request.Section); // clean precision-names
        span.SetNewsdeskItemCount(request.ContributorIds.Count); // clean precision-about
        span.Activity?.SetTag("newsdesk.embargoed", request.EmbargoUntil is not null); // clean precision-about
        span.Activity?.SetTag("newsdesk.headline", request.Headline); // clean precision-names
        var started = Stopwatch.GetTimestamp();

        var bylines = new List<Byline>();
        foreach (var contributorId in request.ContributorIds)
        {
            var contributor = await cms.FindContributorAsync(contributorId, cancellationToken);
            if (contributor is null)
            {
                logger.LogWarning("Unknown contributor {ContributorId} on {ArticleId}", contributorId, request.ArticleId); // leak TC1001 direct
                continue;
            }

            bylines.Add(new Byline(contributor.ContributorId, contributor.DisplayName, "writer"));
            span.SetNewsdeskContributorId(pseudonymizer.PseudonymizeNewsdeskContributorId(contributor.ContributorId)); // clean precision-pseudonym
            if (contributor.Freelance)
            {
                _lastFreelancer = contributor;
                _freelancePieces.Add(1, new KeyValuePair<string, object?>("section", request.Section)); // clean precision-names
                _freelancePieces.Add(1, new KeyValuePair<string, object?>("contributor", pseudonymizer.PseudonymizeNewsdeskContributorId(contributor.ContributorId).ToString())); // leak TC1003 precision-pseudonym
            }

            span.Activity?.AddEvent(new ActivityEvent("newsdesk.byline.added", tags: new ActivityTagsCollection { ["byline"] = contributor.DisplayName })); // leak TC1001 direct
            span.Activity?.AddEvent(new ActivityEvent("newsdesk.byline.checked", tags: new ActivityTagsCollection { ["press_card"] = contributor.PressCardNumber is not null })); // clean precision-about
        }

        var draft = new ArticleDraft(request.ArticleId, request.Slug, request.Section, request.Headline, bylines, request.WordCount, request.EmbargoUntil is not null);
        logger.LogInformation("Sending {@Draft}", draft); // leak TC1001 logging-objects

        try
        {
            var result = await cms.PublishAsync(draft, cancellationToken);
            logger.LogInformation("Live: {Result}", result); // clean logging-objects
            meter.CreateNewsdeskPublishCompletedCounter().Add(1, request.Section, newsdeskOutcome: "live"); // clean generated-api
            return result;
        }
        catch (BylineRejectedException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogNewsdeskPublishFailedEvent(request.ArticleId, ex.Reason, newsdeskNote: ex.Message); // leak TC1001 exceptions
            return null;
        }
        finally
        {
            meter.CreateNewsdeskPublishDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, request.Section); // clean generated-api
        }
    }

    public void FlagForFinance()
    {
        if (_lastFreelancer is { } freelancer)
        {
            logger.LogInformation("Commission to pay: {Name} ({Email})", freelancer.DisplayName, freelancer.Email); // leak TC1001 cross-member
            Activity.Current?.SetTag("newsdesk.freelancer.email_domain", freelancer.Email[(freelancer.Email.IndexOf('@') + 1)..]); // clean precision-about
            Activity.Current?.SetTag(NewsdeskAttributes.Contact, freelancer.Mobile); // leak TC1001 generated-api
        }
    }
}
