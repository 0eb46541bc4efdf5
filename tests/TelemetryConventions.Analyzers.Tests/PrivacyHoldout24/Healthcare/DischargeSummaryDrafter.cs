using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using PrivacyHoldout24.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout24.Healthcare;

public sealed record PatientRecord(
    string HospitalNumber,
    string NhsNumber,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string Ward,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<string> Medications);

public interface IPatientRecordReader
{
    Task<PatientRecord> GetAsync(string hospitalNumber, CancellationToken cancellationToken);
}

public sealed class ClinicAssistantOptions
{
    public string SummaryModel { get; set; } = "gpt-4o-2024-08-06";

    public float Temperature { get; set; } = 0.2f;

    public int MaxOutputTokens { get; set; } = 900;

    /// <summary>Adds the start of each retrieved chunk to the trace, for tuning the note search.</summary>
    public bool TraceRetrievedSnippets { get; set; }
}

/// <summary>Drafts the discharge summary a ward doctor reviews before it goes to the GP.</summary>
public sealed class DischargeSummaryDrafter(
    IChatClient chatClient,
    IPatientRecordReader records,
    ClinicAssistantOptions options,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<DischargeSummaryDrafter> logger)
{
    private static readonly ActivitySource Source = new("Clinic.Assistant");

    private const string Feature = "discharge-summary";

    private const string SystemPrompt =
        "You are a clinical documentation assistant. Write a concise discharge summary for the patient's GP "
        + "from the record below. Use British English. Do not add findings that are not in the record.";

    public async Task<string> DraftAsync(string hospitalNumber, CancellationToken cancellationToken)
    {
        var record = await records.GetAsync(hospitalNumber, cancellationToken);
        var prompt = BuildPrompt(record);
        List<ChatMessage> messages = [new(ChatRole.System, SystemPrompt), new(ChatRole.User, prompt)];

        using var span = Source.StartAssistantCompletion(options.SummaryModel);
        span.SetAssistantFeature(Feature);
        var promptVariant = (HashCode.Combine(hospitalNumber) & 1) == 0 ? "v7-structured" : "v8-narrative";
        Activity.Current?.SetTag("clinic.summary.prompt_variant", promptVariant); // leak TC1002 hashes
        span.SetAssistantSubjectId(pseudonymizer.PseudonymizeAssistantSubjectId(hospitalNumber)); // clean precision-pseudonym
        span.SetAssistantPromptLength(prompt.Length); // clean precision-about
        span.SetAssistantMessageCount(messages.Count);
        logger.LogDebug("Discharge summary prompt for ward {Ward}: {Prompt}", record.Ward, prompt); // leak TC1001 cross-member

        var response = await chatClient.GetResponseAsync(
            messages,
            new ChatOptions { ModelId = options.SummaryModel, Temperature = options.Temperature, MaxOutputTokens = options.MaxOutputTokens },
            cancellationToken);

        span.SetAssistantFinishReason(response.FinishReason?.Value ?? "unknown");
        span.SetAssistantTokensInput(response.Usage?.InputTokenCount ?? 0);
        span.SetAssistantTokensOutput(response.Usage?.OutputTokenCount ?? 0);

        var usage = meter.CreateAssistantTokenUsageHistogram();
        usage.Record(response.Usage?.InputTokenCount ?? 0, options.SummaryModel, "input", assistantFeature: Feature); // clean precision-about
        usage.Record(response.Usage?.OutputTokenCount ?? 0, options.SummaryModel, "output", assistantFeature: Feature);

        if (response.FinishReason == ChatFinishReason.Length)
        {
            logger.LogWarning("Discharge summary for {HospitalNumber} was cut at {MaxTokens} tokens", hospitalNumber, options.MaxOutputTokens); // leak TC1001 direct
        }

        Activity.Current?.SetTag("clinic.summary.draft", response.Text); // leak TC1001 strings
        logger.LogInformation("Drafted discharge summary of {Characters} characters, response {ResponseId}", response.Text.Length, response.ResponseId); // clean precision-about
        return response.Text;
    }

    private static string BuildPrompt(PatientRecord record) => $"""
        Patient: {record.GivenName} {record.FamilyName}, NHS number {record.NhsNumber}, born {record.DateOfBirth:yyyy-MM-dd}.
        Ward: {record.Ward}
        Diagnoses: {string.Join("; ", record.Diagnoses)}
        Medications on discharge: {string.Join("; ", record.Medications)}
        """;
}
