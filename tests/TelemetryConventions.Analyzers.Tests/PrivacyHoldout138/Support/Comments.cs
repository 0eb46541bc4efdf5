namespace PressKit.Comments;

/// <summary>A reader's comment under a piece. Prints its members.</summary>
public sealed record Comment(string CommentId, string ThreadId, string AuthorId, string AuthorDisplayName, string Text, DateTimeOffset PostedAt);

/// <summary>The moderation service's verdict on a comment. Prints its members; the categories array prints as its type's name.</summary>
public sealed record ModerationVerdict(string CommentId, string Decision, double Toxicity, string[] Categories);

/// <summary>A letter to the editor: the writer's name, email and town, and the letter. Prints its members.</summary>
public sealed record LetterToEditor(string LetterId, string WriterName, string WriterEmail, string Town, string Body, DateTimeOffset ReceivedAt);

public interface IModerationClient
{
    Task<ModerationVerdict> ClassifyAsync(Comment comment, CancellationToken cancellationToken = default);
}

/// <summary>The thread is closed; quotes the comment and the thread.</summary>
public sealed class ThreadClosedException(string threadId, string commentId)
    : Exception($"Thread {threadId} is closed; comment {commentId} not posted")
{
    public string ThreadId { get; } = threadId;
}
