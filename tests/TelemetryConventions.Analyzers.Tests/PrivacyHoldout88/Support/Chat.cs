namespace ChatKit;

// Slack- and Teams-shaped webhook messages, mentions and a slash-command bot endpoint.

public abstract record Block(string Type);

public sealed record SectionBlock(string Text) : Block("section");

public sealed record ContextBlock(IReadOnlyList<string> Elements) : Block("context");

public sealed record ButtonBlock(string Text, string ActionId, string Value) : Block("actions");

public sealed record Attachment(string Color, string Title, string Text)
{
    public string? Footer { get; init; }
}

/// <summary>A message posted to a channel. A class: it prints its type name.</summary>
public sealed class ChatMessage
{
    public required string Channel { get; init; }

    public required string Text { get; init; }

    public List<Block> Blocks { get; } = new();

    public List<Attachment> Attachments { get; } = new();

    public string? ThreadTs { get; init; }
}

public static class Mention
{
    /// <summary>Mentions a workspace member by their member id (<c>U024BE7LH</c>).</summary>
    public static string User(string memberId) => $"<@{memberId}>";

    /// <summary>Mentions a user group by its id (<c>S0614TZR7</c>).</summary>
    public static string Group(string userGroupId) => $"<!subteam^{userGroupId}>";

    public static string Channel(string channelId) => $"<#{channelId}>";

    public const string Here = "<!here>";
}

public sealed record WebhookResult(int StatusCode, string Body);

public interface IChatWebhook
{
    Task<WebhookResult> PostAsync(ChatMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Thrown when the chat API refuses a post; its message is the API's error code.</summary>
public sealed class ChatApiException(string error, string channel) : Exception($"{error} (channel {channel})")
{
    public string Error { get; } = error;
}

/// <summary>A Teams-style card sent to an incoming webhook. A record: prints its members.</summary>
public sealed record TeamsCard(string Title, string Text, string ThemeColor, IReadOnlyList<string> Facts);

/// <summary>A slash command as the chat platform posts it to the bot endpoint. Prints its members.</summary>
public sealed record SlashCommand(
    string Command,
    string Text,
    string UserId,
    string UserName,
    string ChannelId,
    string TeamId,
    string ResponseUrl,
    string TriggerId);

/// <summary>A parsed command: the verb and its arguments (the list prints its type name).</summary>
public sealed record ParsedCommand(string Verb, IReadOnlyList<string> Args)
{
    public static ParsedCommand Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 0
            ? new ParsedCommand("help", Array.Empty<string>())
            : new ParsedCommand(parts[0].ToLowerInvariant(), parts.Skip(1).ToList());
    }

    public string Arg(int index) => index < Args.Count ? Args[index] : string.Empty;
}

/// <summary>An interactive button click posted back by the chat platform.</summary>
public sealed record InteractionPayload(string ActionId, string Value, string UserId, string UserName, string ChannelId);

public sealed class UnknownCommandException(string verb) : Exception($"Unknown command '{verb}'")
{
    public string Verb { get; } = verb;
}
