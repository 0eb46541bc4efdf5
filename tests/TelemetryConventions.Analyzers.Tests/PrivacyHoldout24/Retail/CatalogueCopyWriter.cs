using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using PrivacyHoldout24.Telemetry;

namespace PrivacyHoldout24.Retail;

public sealed record ProductSpec(string Sku, string Name, string Brand, string Category, IReadOnlyDictionary<string, string> Attributes, decimal Price);

/// <summary>
/// Logs every prompt and completion of the chat client it wraps, for the copy team's prompt reviews.
/// Only the catalogue copy writer's client is built with it (see <see cref="CatalogueCopyClient"/>).
/// </summary>
public sealed class PromptAuditClient(IChatClient innerClient, ILogger<PromptAuditClient> logger) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        logger.LogInformation("Copy prompt: {Messages}", sent); // clean logging-objects
        var response = await base.GetResponseAsync(sent, options, cancellationToken);
        logger.LogInformation("Copy completion ({FinishReason}, {OutputTokens} tokens): {Completion}", response.FinishReason, response.Usage?.OutputTokenCount, response); // clean logging-objects
        return response;
    }
}

public static class CatalogueCopyClient
{
    public static IChatClient Build(IChatClient providerClient, ILoggerFactory loggerFactory) =>
        new ChatClientBuilder(providerClient)
            .Use(inner => new PromptAuditClient(inner, loggerFactory.CreateLogger<PromptAuditClient>()))
            .Build();
}

/// <summary>Writes product page copy from the merchandising spec of a SKU.</summary>
public sealed class CatalogueCopyWriter(IChatClient copyClient, ILogger<CatalogueCopyWriter> logger)
{
    private static readonly ActivitySource Source = new("Shop.Catalogue");

    private const string Model = "gpt-4o-2024-08-06";

    public async Task<string> WriteAsync(ProductSpec product, string tone, CancellationToken cancellationToken)
    {
        using var span = Source.StartAssistantCompletion(Model);
        span.SetAssistantFeature("product-copy");

        var attributes = string.Join("\n", product.Attributes.Select(a => $"- {a.Key}: {a.Value}"));
        var prompt = $"Write 80 words of {tone} product copy for {product.Brand} {product.Name} ({product.Category}, £{product.Price}).\nKey attributes:\n{attributes}";
        span.SetAssistantPromptLength(prompt.Length).SetAssistantNote($"sku={product.Sku} tone={tone}"); // clean generated-api

        var response = await copyClient.GetResponseAsync(prompt, new ChatOptions { ModelId = Model, Temperature = 0.8f }, cancellationToken);
        Activity.Current?.SetTag("shop.copy.text", response.Text); // clean strings
        logger.LogInformation("Copy for {Sku}: {Words} words, finish {FinishReason}", product.Sku, response.Text.Split(' ').Length, response.FinishReason); // clean precision-about
        return response.Text;
    }
}
