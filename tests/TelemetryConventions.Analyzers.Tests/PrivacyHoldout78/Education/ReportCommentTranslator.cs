namespace PrivacyHoldout78.Education;

public sealed record ReportComment(string CommentId, string StudentNumber, string TeacherEmail, string Subject, string Text, string TargetCulture);

/// <summary>The machine-translation provider refused a text; its message quotes the start of the text.</summary>
public sealed class TranslationRejectedException(string provider, string excerpt)
    : Exception($"{provider} refused to translate \"{excerpt}…\"")
{
    public string Provider { get; } = provider;
}

/// <summary>
/// Machine-translates teachers' report comments into the guardian's home language, with the
/// original kept beside it. Comments are free text about one student.
/// </summary>
public sealed class ReportCommentTranslator(ActivitySource source, Meter meter, ILogger<ReportCommentTranslator> logger)
{
    private readonly Counter<long> _characters = meter.CreateCounter<long>("campuscopy.translation.characters", "{char}");

    public async Task<string> TranslateAsync(ReportComment comment, Func<string, string, Task<string>> translate)
    {
        using var span = source.StartCampuscopyRender("report.comment.translate");
        span.SetCampuscopyCulture(comment.TargetCulture); // clean precision-about
        span.Activity?.SetTag("comment.id", comment.CommentId); // clean precision-about
        span.Activity?.SetTag("comment.subject", comment.Subject);
        _characters.Add(comment.Text.Length, new KeyValuePair<string, object?>("target", comment.TargetCulture), new KeyValuePair<string, object?>("subject", comment.Subject)); // clean precision-about
        try
        {
            var translated = await translate(comment.Text, comment.TargetCulture);
            logger.LogDebug("Translated comment {CommentId}: {Original} => {Translated}", comment.CommentId, comment.Text, translated); // leak TC1001 direct
            span.SetCampuscopyNote($"{comment.Text.Length} -> {translated.Length} chars"); // clean generated-api
            return translated;
        }
        catch (TranslationRejectedException ex)
        {
            span.RecordException(ex, "translation refused", includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Comment {CommentId} by {Teacher} left untranslated ({Provider})", comment.CommentId, comment.TeacherEmail, ex.Provider); // leak TC1001 direct
            return comment.Text;
        }
    }
}
