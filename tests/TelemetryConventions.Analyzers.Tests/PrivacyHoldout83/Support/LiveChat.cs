namespace Chatkit;

// A live-chat platform's SDK, reduced to what the support services use.

/// <summary>A chat message. <c>Sender</c> is the visitor's display name, the agent's name or the bot.</summary>
public sealed record ChatMessage(string ConversationId, string Sender, string SenderRole, string Text, DateTimeOffset SentAt);

/// <summary>A live chat session. A class: printed it gives its type name.</summary>
public sealed class ChatSession
{
    public required string ConversationId { get; init; }

    public required string VisitorId { get; init; }

    public string? VisitorName { get; set; }

    public string? VisitorEmail { get; set; }

    public string Queue { get; set; } = "general";

    public string Channel { get; init; } = "web";

    public string? AgentEmail { get; set; }

    public string? CobrowseSessionId { get; set; }

    public string? VisitorIp { get; init; }

    public string? PageUrl { get; init; }

    public List<ChatMessage> Messages { get; } = new();

    public DateTimeOffset StartedAt { get; init; }
}

/// <summary>The bot hands the conversation to a human: the transcript so far and the bot's summary of it.</summary>
public sealed record HandoffRequest(string ConversationId, string BotName, string Intent, double Confidence, string Summary, IReadOnlyList<ChatMessage> Transcript, string Queue);

/// <summary>An agent-assist suggestion: the macro it comes from and the reply text, personalised.</summary>
public sealed record AssistSuggestion(string SuggestionId, string MacroId, double Score, string Text);

/// <summary>A co-browsing session an agent opened in the visitor's browser.</summary>
public sealed record CobrowseSession(string SessionId, string ConversationId, string AgentEmail, string VisitorIp, string PageUrl);

public static class Transcript
{
    /// <summary>"Sender: text" per line, as agents read it.</summary>
    public static string Render(IEnumerable<ChatMessage> messages) =>
        string.Join(Environment.NewLine, messages.Select(m => $"{m.Sender}: {m.Text}"));
}

/// <summary>A transfer between queues failed; quotes the conversation id, the queue and a reason code.</summary>
public sealed class ChatTransferException(string conversationId, string queue, string reason)
    : Exception($"Transfer of {conversationId} to {queue} failed: {reason}")
{
    public string ConversationId { get; } = conversationId;

    public string Queue { get; } = queue;
}

/// <summary>The chat platform refused a message; the message quotes the text it refused.</summary>
public sealed class MessageRejectedException(string conversationId, string text)
    : Exception($"Message in {conversationId} rejected by the content filter: \"{text}\"")
{
    public string ConversationId { get; } = conversationId;
}

public interface IChatPlatform
{
    Task<ChatSession> GetSessionAsync(string conversationId, CancellationToken cancellationToken = default);

    Task SendAsync(string conversationId, string text, CancellationToken cancellationToken = default);

    Task TransferAsync(string conversationId, string queue, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AssistSuggestion>> SuggestAsync(string conversationId, CancellationToken cancellationToken = default);
}
