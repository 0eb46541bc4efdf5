using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using PrivacyHoldout24.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout24.Healthcare;

public sealed record LabResult(string TestCode, string TestName, decimal Value, string Units, string ReferenceRange, DateTimeOffset CollectedAt);

public sealed class LabResultsNotFoundException(string hospitalNumber, string panel)
    : Exception($"No {panel} results on file for hospital number {hospitalNumber}.")
{
    public string Panel { get; } = panel;
}

public interface ILabResultsStore
{
    Task<IReadOnlyList<LabResult>> GetPanelAsync(string hospitalNumber, string panel, CancellationToken cancellationToken);
}

/// <summary>
/// Explains a patient's latest blood results to the clinician in plain words. The model calls the
/// <c>get_patient_lab_results</c> tool with the hospital number it was given; the service runs the tool
/// loop itself so that each call is traced.
/// </summary>
public sealed class LabResultsAssistant(
    IChatClient chatClient,
    ILabResultsStore labs,
    Pseudonymizer pseudonymizer,
    ILogger<LabResultsAssistant> logger)
{
    private static readonly ActivitySource Source = new("Clinic.Assistant");

    private const string Model = "gpt-4o-mini-2024-07-18";

    private const string LabToolName = "get_patient_lab_results";

    private readonly AIFunction _labTool = AIFunctionFactory.Create(
        (string hospitalNumber, string panel) => Task.CompletedTask,
        LabToolName,
        "Returns the latest results of a panel (FBC, U&E, LFT) for a patient, by hospital number.");

    public async Task<string> ExplainAsync(string hospitalNumber, string clinicianQuestion, CancellationToken cancellationToken)
    {
        using var span = Source.StartAssistantCompletion(Model);
        span.SetAssistantFeature("lab-explainer");
        var patientRef = pseudonymizer.PseudonymizeAssistantSubjectId(hospitalNumber);
        logger.LogInformation("Lab explainer asked: {Question}", clinicianQuestion); // leak TC1001 direct

        List<ChatMessage> history =
        [
            new(ChatRole.System, "You explain laboratory results to clinicians. Call the tool to read results; never guess values."),
            new(ChatRole.User, $"Hospital number {hospitalNumber}. {clinicianQuestion}"),
        ];
        var chatOptions = new ChatOptions { ModelId = Model, Tools = [_labTool], ToolMode = ChatToolMode.Auto };

        for (var round = 0; round < 4; round++)
        {
            var response = await chatClient.GetResponseAsync(history, chatOptions, cancellationToken);
            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (calls.Count == 0)
            {
                span.SetAssistantFinishReason(response.FinishReason?.Value ?? "stop");
                span.SetAssistantMessageCount(history.Count);
                return response.Text;
            }

            history.AddRange(response.Messages);
            foreach (var call in calls)
            {
                span.AddAssistantToolInvokedEvent(call.Name, assistantSubjectId: patientRef); // clean precision-pseudonym
                Activity.Current?.SetTag("gen_ai.tool.call.arguments", JsonSerializer.Serialize(call.Arguments)); // leak TC1001 logging-objects
                Activity.Current?.SetTag("gen_ai.tool.call.id", call.CallId); // clean precision-names
                logger.LogDebug("Tool {Tool} called with {ArgumentNames}", call.Name, string.Join(",", call.Arguments?.Keys ?? [])); // clean precision-names
                history.Add(new ChatMessage(ChatRole.Tool, [await RunToolAsync(call, cancellationToken)]));
            }
        }

        span.SetStatus(ActivityStatusCode.Error, "tool loop did not converge");
        return "The assistant could not read the results. Please open the results viewer.";
    }

    private async Task<FunctionResultContent> RunToolAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        var hospitalNumber = call.Arguments?["hospitalNumber"]?.ToString() ?? string.Empty;
        var panel = call.Arguments?["panel"]?.ToString() ?? "FBC";
        Activity.Current.TagHospitalNumber(hospitalNumber); // leak TC1001 cross-member
        try
        {
            var results = await labs.GetPanelAsync(hospitalNumber, panel, cancellationToken);
            Activity.Current?.SetTag("clinic.lab.result.count", results.Count); // clean precision-about
            return new FunctionResultContent(call.CallId, results);
        }
        catch (LabResultsNotFoundException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogInformation("No {Panel} results for the requested patient ({ErrorType})", ex.Panel, ex.GetType().Name); // clean exceptions
            return new FunctionResultContent(call.CallId, "No results on file.") { Exception = ex };
        }
    }
}
