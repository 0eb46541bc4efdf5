using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using PrivacyHoldout24.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout24.Energy;

public sealed record BillSummary(string BillNumber, string Period, decimal Total, decimal StandingCharge, decimal UnitRate, decimal KilowattHours);

public sealed record MeterReading(DateOnly ReadOn, decimal Register, string ReadType);

public interface IBillingApi
{
    Task<BillSummary> GetBillAsync(string accountNumber, string period, CancellationToken cancellationToken);

    Task<IReadOnlyList<MeterReading>> GetReadingsAsync(string meterSerial, int months, CancellationToken cancellationToken);
}

/// <summary>
/// "Why is my bill higher?" in the customer app: the model reads the bill and the meter readings
/// through two tools and explains the difference. Each tool call is audited on the trace.
/// </summary>
public sealed class BillExplainerAssistant(
    IChatClient chatClient,
    IBillingApi billing,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<BillExplainerAssistant> logger)
{
    private static readonly ActivitySource Source = new("Supply.Assistant");

    private static readonly Counter<long> TokensByAccount = new Meter("Supply.Assistant").CreateCounter<long>("supply.assistant.tokens", "{token}");

    private const string Model = "gpt-4o-mini-2024-07-18";

    private static readonly string[] PersonalArguments = ["accountNumber", "meterSerial"];

    private readonly IList<AITool> _tools =
    [
        AIFunctionFactory.Create((string accountNumber, string period) => 0, "get_bill", "The customer's bill for a period (yyyy-MM)."),
        AIFunctionFactory.Create((string meterSerial, int months) => 0, "get_meter_readings", "Readings of the customer's meter for the last months."),
    ];

    public async Task<string> ExplainAsync(string accountNumber, string meterSerial, string customerQuestion, CancellationToken cancellationToken)
    {
        using var span = Source.StartAssistantCompletion(Model);
        span.SetAssistantFeature("bill-explainer");
        span.SetAssistantSubjectId(pseudonymizer.PseudonymizeAssistantSubjectId(accountNumber)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("supply.account_number", accountNumber); // leak TC1001 direct

        List<ChatMessage> history =
        [
            new(ChatRole.System, $"You explain energy bills. The customer's account is {accountNumber} and their meter is {meterSerial}. Use the tools."),
            new(ChatRole.User, customerQuestion),
        ];

        ChatResponse response;
        do
        {
            response = await chatClient.GetResponseAsync(history, new ChatOptions { ModelId = Model, Tools = _tools }, cancellationToken);
            history.AddRange(response.Messages);
            foreach (var call in response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>())
            {
                var safeArguments = call.Arguments?.Where(a => !PersonalArguments.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value);
                span.AddAssistantToolInvokedEvent(call.Name, assistantNote: JsonSerializer.Serialize(safeArguments)); // clean logging-objects
                logger.LogDebug("Tool call {CallId}: {Tool}({Arguments})", call.CallId, call.Name, string.Join(", ", call.Arguments?.Select(a => $"{a.Key}={a.Value}") ?? [])); // leak TC1001 logging-objects
                history.Add(new ChatMessage(ChatRole.Tool, [await InvokeAsync(call, cancellationToken)]));
            }
        }
        while (response.FinishReason == ChatFinishReason.ToolCalls);

        logger.LogDebug("Bill explainer finished after {Turns} turns: {History}", history.Count, history); // leak TC1001 logging-objects
        var total = response.Usage?.TotalTokenCount ?? 0;
        meter.CreateAssistantRequestsCounter().Add(1, Model, assistantFeature: "bill-explainer", assistantFinishReason: response.FinishReason?.Value); // clean precision-about
        TokensByAccount.Add(total, new KeyValuePair<string, object?>("assistant.subject", pseudonymizer.ComputeAssistantSubjectId(accountNumber))); // leak TC1003 precision-pseudonym
        span.SetAssistantTokensInput(response.Usage?.InputTokenCount ?? 0).SetAssistantTokensOutput(response.Usage?.OutputTokenCount ?? 0);
        return response.Text;
    }

    private async Task<FunctionResultContent> InvokeAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        object result = call.Name switch
        {
            "get_bill" => await billing.GetBillAsync(Argument(call, "accountNumber"), Argument(call, "period"), cancellationToken),
            "get_meter_readings" => await GetReadingsAsync(Argument(call, "meterSerial"), cancellationToken),
            _ => $"Unknown tool {call.Name}.",
        };
        return new FunctionResultContent(call.CallId, result);
    }

    private async Task<IReadOnlyList<MeterReading>> GetReadingsAsync(string meterSerial, CancellationToken cancellationToken)
    {
        var readings = await billing.GetReadingsAsync(meterSerial, 13, cancellationToken);
        Activity.Current?.SetTag("supply.meter.model", meterSerial[..3]); // clean precision-about
        Activity.Current?.SetTag("supply.meter.serial", meterSerial); // leak TC1001 direct
        logger.LogDebug("Read {Count} readings, {Estimated} estimated", readings.Count, readings.Count(r => r.ReadType == "E")); // clean precision-about
        return readings;
    }

    private static string Argument(FunctionCallContent call, string name) =>
        call.Arguments?.TryGetValue(name, out var value) == true ? value?.ToString() ?? string.Empty : string.Empty;
}
