using Microsoft.SemanticKernel.ChatCompletion;

namespace Microsoft.SemanticKernel
{
    // A stand-in for Microsoft.SemanticKernel.Abstractions: the kernel, functions and plugins, arguments,
    // results and the three filter kinds. ToString() of a result is its value's text, as in the real package.

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class KernelFunctionAttribute(string? name = null) : Attribute
    {
        public string? Name { get; } = name;
    }

    public class PromptExecutionSettings
    {
        public string? ModelId { get; set; }

        public string? ServiceId { get; set; }

        public IDictionary<string, object>? ExtensionData { get; set; }
    }

    public sealed class KernelArguments : Dictionary<string, object?>
    {
        public KernelArguments()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        public KernelArguments(PromptExecutionSettings executionSettings)
            : base(StringComparer.OrdinalIgnoreCase) =>
            ExecutionSettings = new Dictionary<string, PromptExecutionSettings> { ["default"] = executionSettings };

        public IReadOnlyDictionary<string, PromptExecutionSettings>? ExecutionSettings { get; set; }
    }

    public sealed class KernelFunctionMetadata(string name)
    {
        public string Name { get; } = name;

        public string? PluginName { get; init; }

        public string Description { get; init; } = string.Empty;

        public IReadOnlyList<string> ParameterNames { get; init; } = Array.Empty<string>();
    }

    public abstract class KernelFunction
    {
        protected KernelFunction(string name, string? pluginName, string description)
        {
            Name = name;
            PluginName = pluginName;
            Description = description;
        }

        public string Name { get; }

        public string? PluginName { get; }

        public string Description { get; }

        public KernelFunctionMetadata Metadata => new(Name) { PluginName = PluginName, Description = Description };

        public Task<FunctionResult> InvokeAsync(Kernel kernel, KernelArguments? arguments = null, CancellationToken cancellationToken = default) =>
            InvokeCoreAsync(kernel, arguments ?? new KernelArguments(), cancellationToken);

        protected abstract Task<FunctionResult> InvokeCoreAsync(Kernel kernel, KernelArguments arguments, CancellationToken cancellationToken);
    }

    public sealed class FunctionResult
    {
        public FunctionResult(KernelFunction function, object? value = null, IReadOnlyDictionary<string, object?>? metadata = null)
        {
            Function = function;
            Value = value;
            Metadata = metadata;
        }

        public KernelFunction Function { get; }

        public object? Value { get; }

        public Type? ValueType => Value?.GetType();

        public string? RenderedPrompt { get; init; }

        public IReadOnlyDictionary<string, object?>? Metadata { get; }

        public T? GetValue<T>() => Value is T typed ? typed : default;

        public override string ToString() => Value?.ToString() ?? string.Empty;
    }

    public sealed class KernelPlugin(string name, IReadOnlyList<KernelFunction> functions)
    {
        public string Name { get; } = name;

        public IReadOnlyList<KernelFunction> Functions { get; } = functions;
    }

    public sealed class KernelPluginCollection : List<KernelPlugin>
    {
        public KernelPlugin AddFromObject(object target, string? pluginName = null)
        {
            var plugin = new KernelPlugin(pluginName ?? target.GetType().Name, Array.Empty<KernelFunction>());
            Add(plugin);
            return plugin;
        }
    }

    public sealed class Kernel
    {
        public KernelPluginCollection Plugins { get; } = new();

        public IList<IFunctionInvocationFilter> FunctionInvocationFilters { get; } = new List<IFunctionInvocationFilter>();

        public IList<IPromptRenderFilter> PromptRenderFilters { get; } = new List<IPromptRenderFilter>();

        public IList<IAutoFunctionInvocationFilter> AutoFunctionInvocationFilters { get; } = new List<IAutoFunctionInvocationFilter>();

        public IServiceProvider? Services { get; init; }

        public Task<FunctionResult> InvokeAsync(KernelFunction function, KernelArguments? arguments = null, CancellationToken cancellationToken = default) =>
            function.InvokeAsync(this, arguments, cancellationToken);

        public Task<FunctionResult> InvokeAsync(string pluginName, string functionName, KernelArguments? arguments = null, CancellationToken cancellationToken = default) =>
            throw new KernelException($"Function '{pluginName}-{functionName}' is not registered.");

        public Task<FunctionResult> InvokePromptAsync(string promptTemplate, KernelArguments? arguments = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("Stand-in.");
    }

    public class KernelException(string? message = null, Exception? innerException = null) : Exception(message, innerException);

    public sealed class FunctionInvocationContext(Kernel kernel, KernelFunction function, KernelArguments arguments, FunctionResult result)
    {
        public Kernel Kernel { get; } = kernel;

        public KernelFunction Function { get; } = function;

        public KernelArguments Arguments { get; } = arguments;

        public FunctionResult Result { get; set; } = result;

        public CancellationToken CancellationToken { get; init; }
    }

    public sealed class PromptRenderContext(Kernel kernel, KernelFunction function, KernelArguments arguments)
    {
        public Kernel Kernel { get; } = kernel;

        public KernelFunction Function { get; } = function;

        public KernelArguments Arguments { get; } = arguments;

        public string? RenderedPrompt { get; set; }

        public FunctionResult? Result { get; set; }
    }

    public sealed class AutoFunctionInvocationContext(Kernel kernel, KernelFunction function, FunctionResult result, ChatHistory chatHistory)
    {
        public Kernel Kernel { get; } = kernel;

        public KernelFunction Function { get; } = function;

        public KernelArguments? Arguments { get; init; }

        public FunctionResult Result { get; set; } = result;

        public ChatHistory ChatHistory { get; } = chatHistory;

        public int RequestSequenceIndex { get; init; }

        public int FunctionSequenceIndex { get; init; }

        public int FunctionCount { get; init; }

        public string? ToolCallId { get; init; }

        public bool Terminate { get; set; }
    }

    public interface IFunctionInvocationFilter
    {
        Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next);
    }

    public interface IPromptRenderFilter
    {
        Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next);
    }

    public interface IAutoFunctionInvocationFilter
    {
        Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next);
    }

    public readonly struct AuthorRole : IEquatable<AuthorRole>
    {
        public AuthorRole(string label) => Label = label;

        public static AuthorRole System { get; } = new("system");

        public static AuthorRole User { get; } = new("user");

        public static AuthorRole Assistant { get; } = new("assistant");

        public static AuthorRole Tool { get; } = new("tool");

        public string Label { get; }

        public bool Equals(AuthorRole other) => string.Equals(Label, other.Label, StringComparison.OrdinalIgnoreCase);

        public override bool Equals(object? obj) => obj is AuthorRole other && Equals(other);

        public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Label ?? string.Empty);

        public static bool operator ==(AuthorRole left, AuthorRole right) => left.Equals(right);

        public static bool operator !=(AuthorRole left, AuthorRole right) => !left.Equals(right);

        public override string ToString() => Label;
    }

    public class ChatMessageContent
    {
        public ChatMessageContent(AuthorRole role, string? content, string? modelId = null, IReadOnlyDictionary<string, object?>? metadata = null)
        {
            Role = role;
            Content = content;
            ModelId = modelId;
            Metadata = metadata;
        }

        public AuthorRole Role { get; set; }

        public string? Content { get; set; }

        public string? AuthorName { get; set; }

        public string? ModelId { get; }

        public IReadOnlyDictionary<string, object?>? Metadata { get; }

        public override string ToString() => Content ?? string.Empty;
    }
}

namespace Microsoft.SemanticKernel.ChatCompletion
{
    public class ChatHistory : List<ChatMessageContent>
    {
        public ChatHistory()
        {
        }

        public ChatHistory(string systemMessage) => AddSystemMessage(systemMessage);

        public void AddMessage(AuthorRole role, string content) => Add(new ChatMessageContent(role, content));

        public void AddSystemMessage(string content) => AddMessage(AuthorRole.System, content);

        public void AddUserMessage(string content) => AddMessage(AuthorRole.User, content);

        public void AddAssistantMessage(string content) => AddMessage(AuthorRole.Assistant, content);
    }

    public interface IChatCompletionService
    {
        IReadOnlyDictionary<string, object?> Attributes { get; }

        Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default);
    }

    public static class ChatCompletionServiceExtensions
    {
        public static async Task<ChatMessageContent> GetChatMessageContentAsync(this IChatCompletionService service, ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) =>
            (await service.GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken))[0];
    }
}
