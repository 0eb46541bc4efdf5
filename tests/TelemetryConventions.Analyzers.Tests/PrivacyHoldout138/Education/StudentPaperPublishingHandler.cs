namespace PrivacyHoldout138.Education;

/// <summary>A student writer of the student paper, from the union's membership list.</summary>
public sealed record StudentWriter(string StudentNumber, string PreferredName, string UniversityEmail, string Society, bool Editor);

public sealed record PublishPieceCommand(string ArticleId, string Slug, string Section, string Headline, IReadOnlyList<StudentWriter> Writers, int WordCount, bool Embargoed);

public sealed class StudentPaperPublishingHandler(
    ICmsClient cms,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<StudentPaperPublishingHandler> logger)
{
    private readonly Histogram<int> _wordCounts = meter.CreateHistogram<int>("campuspress.article.words", "{word}");
    private readonly Counter<long> _bylines = meter.CreateCounter<long>("campuspress.bylines", "{byline}");

    public async Task<PublishResult?> HandleAsync(PublishPieceCommand command, CancellationToken cancellationToken)
    {
        using var span = source.StartCampuspressPublish(command.ArticleId).SetCampuspressSection(command.Section);
        var lead = command.Writers[0];
        span.SetCampuspressAuthorId(pseudonymizer.PseudonymizeCampuspressAuthorId(lead.StudentNumber)); // clean precision-pseudonym
        span.SetCampuspressItemCount(command.Writers.Count); // clean precision-about
        _wordCounts.Record(command.WordCount, new KeyValuePair<string, object?>("section", command.Section)); // clean precision-names

        var bylines = command.Writers.Select(w => new Byline(w.StudentNumber, w.PreferredName, w.Editor ? "editor" : "writer")).ToList();
        var printed = string.Join(" and ", bylines.Select(b => b.PrintedName));
        span.Activity?.SetTag("campuspress.byline", printed); // leak TC1001 strings
        span.Activity?.SetTag("campuspress.byline.length", printed.Length); // clean precision-about
        foreach (var writer in command.Writers)
        {
            _bylines.Add(1, new KeyValuePair<string, object?>("society", writer.Society)); // clean precision-names
            _bylines.Add(1, new KeyValuePair<string, object?>("writer", pseudonymizer.PseudonymizeCampuspressAuthorId(writer.StudentNumber).Value)); // leak TC1003 precision-pseudonym
        }

        var draft = new ArticleDraft(command.ArticleId, command.Slug, command.Section, command.Headline, bylines, command.WordCount, command.Embargoed);
        logger.LogInformation("Publishing {Draft}", draft); // clean logging-objects
        logger.LogDebug("Bylines {Bylines}", bylines); // leak TC1001 logging-objects

        try
        {
            var result = await cms.PublishAsync(draft, cancellationToken);
            logger.LogInformation("Published {ArticleId} revision {Revision} at {Url}", result.ArticleId, result.Revision, result.CanonicalUrl); // clean precision-names
            span.SetCampuspressOutcome("published");
            return result;
        }
        catch (CmsConflictException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return null;
        }
        catch (BylineRejectedException ex)
        {
            span.Activity?.AddCampuspressPublishFailedEvent(command.ArticleId, ex.Reason, campuspressNote: ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Byline refused for {ArticleId}: {Reason}", command.ArticleId, ex.Reason); // clean exceptions
            logger.LogWarning("Lead writer was {StudentNumber}", lead.StudentNumber); // leak TC1001 direct
            return null;
        }
    }
}
