namespace PrivacyHoldout138.Gaming;

public sealed record PatchNoteComment(string PatchId, Guid PlayerId, string Gamertag, string Text, string Locale);

[ApiController]
[Route("api/patch-notes/{patchId}/comments")]
public sealed partial class PatchNotesCommentsController(
    IModerationClient moderation,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<PatchNotesCommentsController> logger) : ControllerBase
{
    private static readonly Meter CommentsMeter = new("Studio.PatchNotes");
    private static readonly Counter<long> Posted = CommentsMeter.CreateCounter<long>("patchnotes.comments.posted", "{comment}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} by {Gamertag} held for review")]
    private static partial void LogHeld(ILogger logger, string commentId, [PrivateData] string gamertag);

    [HttpPost]
    public async Task<ActionResult> Post([FromBody] PatchNoteComment body, CancellationToken cancellationToken)
    {
        var comment = new Comment(Guid.NewGuid().ToString("N"), body.PatchId, body.PlayerId.ToString(), body.Gamertag, body.Text, DateTimeOffset.UtcNow);
        using var span = source.StartCreatorpayPayout(body.PatchId, spanName: "patchnotes.comment"); // clean precision-names
        span.SetCreatorpayCreatorId(pseudonymizer.PseudonymizeCreatorpayCreatorId(body.PlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("patchnotes.locale", body.Locale); // clean precision-names
        span.Activity?.SetTag("patchnotes.comment.words", body.Text.Split(' ').Length); // clean precision-about
        Posted.Add(1, new KeyValuePair<string, object?>("patch", body.PatchId)); // clean precision-names
        Posted.Add(1, new KeyValuePair<string, object?>("gamertag_initial", body.Gamertag[..1])); // clean precision-about

        var verdict = await moderation.ClassifyAsync(comment, cancellationToken);
        if (verdict.Decision != "allow")
        {
            LogHeld(logger, comment.CommentId, body.Gamertag); // clean generated-api
            span.SetCreatorpayOutcome("held").SetCreatorpayNote($"held: \"{body.Text}\""); // leak TC1001 generated-api
            span.Activity?.SetBaggage("patchnotes.player", body.PlayerId.ToString()); // leak TC1001 direct
            var playerBucket = body.PlayerId.GetHashCode() & 0xF;
            span.Activity?.SetTag("patchnotes.review.bucket", playerBucket); // leak TC1002 hashes
            return new OkResult("held");
        }

        logger.LogInformation("Comment {CommentId} posted under {PatchId} ({Locale})", comment.CommentId, body.PatchId, body.Locale); // clean precision-names
        logger.LogDebug("Posted {Body}", body); // leak TC1001 logging-objects
        return new OkResult(comment.CommentId);
    }
}
