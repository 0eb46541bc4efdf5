using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout24.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout24.Retail;

public sealed record OrderStatus(string OrderId, string State, DateOnly? EstimatedDelivery, string Carrier);

public sealed record CustomerMatch(string CustomerNumber, string Tier, int OpenOrders);

public sealed class CustomerLookupException(string email)
    : Exception($"No customer account is registered with {email}.");

public interface IOrderDesk
{
    Task<OrderStatus?> GetStatusAsync(string orderId, CancellationToken cancellationToken);

    Task<CustomerMatch> FindByEmailAsync(string email, CancellationToken cancellationToken);
}

/// <summary>
/// The web shop's customer-service chat: the model answers delivery questions and, for agents,
/// looks customers up by email. Tool calls are dispatched and traced one by one.
/// </summary>
public sealed class ShoppingAssistant(
    IChatClient chatClient,
    IOrderDesk orders,
    IRedactorProvider redactors,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<ShoppingAssistant> logger)
{
    private static readonly ActivitySource Source = new("Shop.Assistant");

    private static readonly Counter<long> ToolCalls = new Meter("Shop.Assistant").CreateCounter<long>("shop.assistant.tool.calls", "{call}");

    private const string Model = "gpt-4o-mini-2024-07-18";

    private readonly Redactor _redactor = redactors.GetRedactor(new(DataTaxonomy.PrivateData));

    public async Task<string> AnswerAsync(string customerNumber, string customerTier, IList<ChatMessage> conversation, CancellationToken cancellationToken)
    {
        using var span = Source.StartAssistantCompletion(Model);
        span.SetAssistantFeature("customer-service");
        Activity.Current?.SetTag("enduser.id", customerNumber); // leak TC1001 direct
        span.SetAssistantSubjectId(pseudonymizer.PseudonymizeAssistantSubjectId(customerNumber));
        logger.LogInformation("Customer-service chat for {Customer}, tier {Tier}", _redactor.Redact(customerNumber), customerTier); // clean precision-pseudonym

        var options = new ChatOptions
        {
            ModelId = Model,
            Tools =
            [
                AIFunctionFactory.Create((string orderId) => 0, "get_order_status", "Delivery status of an order."),
                AIFunctionFactory.Create((string email) => 0, "find_customer_by_email", "Finds a customer account by email (agents only)."),
            ],
        };

        logger.LogDebug("Conversation so far: {Conversation}", conversation); // leak TC1001 logging-objects
        var response = await chatClient.GetResponseAsync(conversation, options, cancellationToken);
        foreach (var call in response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>())
        {
            ToolCalls.Add(1, new KeyValuePair<string, object?>("tool", call.Name), new KeyValuePair<string, object?>("customer.tier", customerTier)); // clean precision-names
            conversation.Add(new ChatMessage(ChatRole.Tool, [await DispatchAsync(call, cancellationToken)]));
        }

        if (conversation.Count > 0 && conversation[^1].Role == ChatRole.Tool)
        {
            response = await chatClient.GetResponseAsync(conversation, options, cancellationToken);
        }

        meter.CreateAssistantRequestsCounter().Add(1, Model, assistantFeature: "customer-service", assistantFinishReason: response.FinishReason?.Value);
        meter.CreateAssistantTokenUsageHistogram().Record(response.Usage?.TotalTokenCount ?? 0, Model, "total", assistantFeature: $"customer-service/{customerNumber}"); // leak TC1003 generated-api
        return response.Text;
    }

    private async Task<FunctionResultContent> DispatchAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("gen_ai.tool.name", call.Name);
        switch (call.Name)
        {
            case "get_order_status":
                var orderId = call.Arguments?["orderId"]?.ToString() ?? string.Empty;
                activity?.SetTag("shop.order.id", orderId); // clean precision-names
                activity.TraceToolCall(call.Name, orderId); // clean cross-member
                var status = await orders.GetStatusAsync(orderId, cancellationToken);
                logger.LogDebug("Order status tool returned {Status}", status); // clean logging-objects
                return new FunctionResultContent(call.CallId, (object?)status ?? "Order not found.");

            case "find_customer_by_email":
                var email = call.Arguments?["email"]?.ToString() ?? string.Empty;
                activity?.SetTag("shop.lookup.email_domain", email[(email.IndexOf('@') + 1)..]); // clean precision-about
                activity?.SetTag("shop.lookup.email", email); // leak TC1001 direct
                activity.TraceToolCall(call.Name, email); // leak TC1001 cross-member
                try
                {
                    var match = await orders.FindByEmailAsync(email, cancellationToken);
                    logger.LogInformation("Agent lookup matched a {Tier} customer with {OpenOrders} open orders", match.Tier, match.OpenOrders); // clean precision-about
                    logger.LogDebug("Agent lookup result {Match}", match); // leak TC1001 logging-objects
                    return new FunctionResultContent(call.CallId, match);
                }
                catch (CustomerLookupException ex)
                {
                    logger.LogWarning(ex, "Customer lookup tool found no account"); // leak TC1001 exceptions
                    return new FunctionResultContent(call.CallId, "No account found.");
                }

            default:
                logger.LogWarning("Model called unknown tool {Tool} with {ArgumentCount} arguments", call.Name, call.Arguments?.Count ?? 0);
                return new FunctionResultContent(call.CallId, "Unknown tool.");
        }
    }
}
