namespace Microsoft.Extensions.AI;

// A stand-in for Microsoft.Extensions.AI.Abstractions, reduced to the members the services use.
// Shapes follow the real package: ToString() of a message or a response is its text.

public readonly struct ChatRole : IEquatable<ChatRole>
{
    public ChatRole(string value) => Value = value;

    public static ChatRole System { get; } = new("system");

    public static ChatRole User { get; } = new("user");

    public static ChatRole Assistant { get; } = new("assistant");

    public static ChatRole Tool { get; } = new("tool");

    public string Value { get; }

    public bool Equals(ChatRole other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => obj is ChatRole other && Equals(other);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value ?? string.Empty);

    public static bool operator ==(ChatRole left, ChatRole right) => left.Equals(right);

    public static bool operator !=(ChatRole left, ChatRole right) => !left.Equals(right);

    public override string ToString() => Value;
}

public readonly struct ChatFinishReason : IEquatable<ChatFinishReason>
{
    public ChatFinishReason(string value) => Value = value;

    public static ChatFinishReason Stop { get; } = new("stop");

    public static ChatFinishReason Length { get; } = new("length");

    public static ChatFinishReason ToolCalls { get; } = new("tool_calls");

    public static ChatFinishReason ContentFilter { get; } = new("content_filter");

    public string Value { get; }

    public bool Equals(ChatFinishReason other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => obj is ChatFinishReason other && Equals(other);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value ?? string.Empty);

    public static bool operator ==(ChatFinishReason left, ChatFinishReason right) => left.Equals(right);

    public static bool operator !=(ChatFinishReason left, ChatFinishReason right) => !left.Equals(right);

    public override string ToString() => Value;
}

public class AdditionalPropertiesDictionary : Dictionary<string, object?>
{
    public AdditionalPropertiesDictionary()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }
}

public class AIContent
{
    public AdditionalPropertiesDictionary? AdditionalProperties { get; set; }
}

public sealed class TextContent(string? text) : AIContent
{
    public string Text { get; set; } = text ?? string.Empty;

    public override string ToString() => Text;
}

public sealed class FunctionCallContent(string callId, string name, IDictionary<string, object?>? arguments = null) : AIContent
{
    public string CallId { get; } = callId;

    public string Name { get; } = name;

    public IDictionary<string, object?>? Arguments { get; set; } = arguments;

    public Exception? Exception { get; set; }
}

public sealed class FunctionResultContent(string callId, object? result) : AIContent
{
    public string CallId { get; } = callId;

    public object? Result { get; set; } = result;

    public Exception? Exception { get; set; }
}

public sealed class UsageContent(UsageDetails details) : AIContent
{
    public UsageDetails Details { get; } = details;
}

public class ChatMessage
{
    public ChatMessage()
    {
    }

    public ChatMessage(ChatRole role, string? content)
    {
        Role = role;
        if (content is not null)
        {
            Contents.Add(new TextContent(content));
        }
    }

    public ChatMessage(ChatRole role, IList<AIContent> contents)
    {
        Role = role;
        Contents = contents;
    }

    public ChatRole Role { get; set; } = ChatRole.User;

    public string? AuthorName { get; set; }

    public string? MessageId { get; set; }

    public IList<AIContent> Contents { get; set; } = new List<AIContent>();

    public string Text => string.Concat(Contents.OfType<TextContent>().Select(c => c.Text));

    public AdditionalPropertiesDictionary? AdditionalProperties { get; set; }

    public override string ToString() => Text;
}

public sealed class UsageDetails
{
    public long? InputTokenCount { get; set; }

    public long? OutputTokenCount { get; set; }

    public long? TotalTokenCount { get; set; }

    public AdditionalPropertiesDictionary? AdditionalCounts { get; set; }
}

public class ChatResponse
{
    public ChatResponse()
    {
    }

    public ChatResponse(ChatMessage message) => Messages.Add(message);

    public IList<ChatMessage> Messages { get; set; } = new List<ChatMessage>();

    public string Text => string.Concat(Messages.Select(m => m.Text));

    public string? ResponseId { get; set; }

    public string? ConversationId { get; set; }

    public string? ModelId { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public ChatFinishReason? FinishReason { get; set; }

    public UsageDetails? Usage { get; set; }

    public AdditionalPropertiesDictionary? AdditionalProperties { get; set; }

    public override string ToString() => Text;
}

public class ChatResponseUpdate
{
    public ChatRole? Role { get; set; }

    public IList<AIContent> Contents { get; set; } = new List<AIContent>();

    public string Text => string.Concat(Contents.OfType<TextContent>().Select(c => c.Text));

    public string? ResponseId { get; set; }

    public string? ModelId { get; set; }

    public ChatFinishReason? FinishReason { get; set; }

    public override string ToString() => Text;
}

public abstract class AITool
{
    public virtual string Name => GetType().Name;

    public virtual string Description => string.Empty;
}

public class AIFunctionArguments : Dictionary<string, object?>
{
    public AIFunctionArguments()
        : base(StringComparer.Ordinal)
    {
    }

    public AIFunctionArguments(IDictionary<string, object?> arguments)
        : base(arguments, StringComparer.Ordinal)
    {
    }

    public IServiceProvider? Services { get; set; }
}

public abstract class AIFunction : AITool
{
    public ValueTask<object?> InvokeAsync(AIFunctionArguments? arguments = null, CancellationToken cancellationToken = default) =>
        InvokeCoreAsync(arguments ?? new AIFunctionArguments(), cancellationToken);

    protected abstract ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken);
}

public static class AIFunctionFactory
{
    public static AIFunction Create(Delegate method, string? name = null, string? description = null) =>
        new DelegateFunction(method, name ?? method.Method.Name, description ?? string.Empty);

    private sealed class DelegateFunction(Delegate method, string name, string description) : AIFunction
    {
        public override string Name => name;

        public override string Description => description;

        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) =>
            new(method.DynamicInvoke(arguments.Values.ToArray()));
    }
}

public enum ChatToolMode
{
    Auto,
    None,
    RequireAny,
}

public class ChatOptions
{
    public string? ModelId { get; set; }

    public string? ConversationId { get; set; }

    public string? Instructions { get; set; }

    public float? Temperature { get; set; }

    public int? MaxOutputTokens { get; set; }

    public IList<AITool>? Tools { get; set; }

    public ChatToolMode ToolMode { get; set; }

    public AdditionalPropertiesDictionary? AdditionalProperties { get; set; }

    public ChatOptions Clone() => (ChatOptions)MemberwiseClone();
}

public interface IChatClient : IDisposable
{
    Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default);
}

public static class ChatClientExtensions
{
    public static Task<ChatResponse> GetResponseAsync(this IChatClient client, string chatMessage, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        client.GetResponseAsync(new[] { new ChatMessage(ChatRole.User, chatMessage) }, options, cancellationToken);

    public static Task<ChatResponse> GetResponseAsync(this IChatClient client, ChatMessage chatMessage, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        client.GetResponseAsync(new[] { chatMessage }, options, cancellationToken);
}

public class DelegatingChatClient(IChatClient innerClient) : IChatClient
{
    protected IChatClient InnerClient { get; } = innerClient;

    public virtual Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        InnerClient.GetResponseAsync(messages, options, cancellationToken);

    public virtual IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        InnerClient.GetStreamingResponseAsync(messages, options, cancellationToken);

    public void Dispose()
    {
        InnerClient.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class ChatClientBuilder(IChatClient innerClient)
{
    private readonly List<Func<IChatClient, IChatClient>> _factories = new();

    public ChatClientBuilder Use(Func<IChatClient, IChatClient> factory)
    {
        _factories.Add(factory);
        return this;
    }

    public IChatClient Build()
    {
        var client = innerClient;
        for (var i = _factories.Count - 1; i >= 0; i--)
        {
            client = _factories[i](client);
        }
        return client;
    }
}

public sealed class Embedding<T>(ReadOnlyMemory<T> vector)
{
    public ReadOnlyMemory<T> Vector { get; } = vector;

    public string? ModelId { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public int Dimensions => Vector.Length;
}

public sealed class GeneratedEmbeddings<TEmbedding> : List<TEmbedding>
{
    public UsageDetails? Usage { get; set; }
}

public class EmbeddingGenerationOptions
{
    public string? ModelId { get; set; }

    public int? Dimensions { get; set; }
}

public interface IEmbeddingGenerator<TInput, TEmbedding> : IDisposable
{
    Task<GeneratedEmbeddings<TEmbedding>> GenerateAsync(IEnumerable<TInput> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default);
}

public static class EmbeddingGeneratorExtensions
{
    public static async Task<ReadOnlyMemory<float>> GenerateVectorAsync(this IEmbeddingGenerator<string, Embedding<float>> generator, string value, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var embeddings = await generator.GenerateAsync(new[] { value }, options, cancellationToken);
        return embeddings[0].Vector;
    }
}
