using System.Diagnostics;
using System.Text;
using Azure.AI.ContentSafety;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using PrivacyHoldout24.Telemetry;

namespace PrivacyHoldout24.Energy;

public sealed record OutageReport(string ReportId, string Postcode, string ReporterPhone, bool Vulnerable, string Description, DateTimeOffset ReportedAt);

/// <summary>
/// Every ten minutes, summarises the customers' outage reports of one network district for the control
/// room: how many, since when, what they describe. The summary goes to the control-room board.
/// </summary>
public sealed class OutageReportSummariser(
    IChatClient chatClient,
    ContentSafetyClient contentSafety,
    ILogger<OutageReportSummariser> logger)
{
    private static readonly ActivitySource Source = new("Grid.Outages");

    private const string Model = "gpt-4o-mini-2024-07-18";

    public async Task<string> SummariseAsync(string district, IReadOnlyList<OutageReport> reports, CancellationToken cancellationToken)
    {
        using var span = Source.StartAssistantCompletion(Model);
        span.SetAssistantFeature("outage-digest");
        Activity.Current?.SetTag("grid.outage.district", district);
        Activity.Current?.SetTag("grid.outage.report.count", reports.Count); // clean precision-about
        Activity.Current?.SetTag("grid.outage.vulnerable.count", reports.Count(r => r.Vulnerable)); // clean precision-about

        var prompt = new StringBuilder($"Summarise these {reports.Count} outage reports from district {district} for the control room.\n");
        foreach (var report in reports.OrderBy(r => r.ReportedAt))
        {
            prompt.AppendLine($"- {report.ReportedAt:HH:mm} {report.Postcode}: {report.Description}");
        }

        var moderation = await contentSafety.AnalyzeTextAsync(new AnalyzeTextOptions(prompt.ToString()), cancellationToken);
        var worst = moderation.Value.CategoriesAnalysis.MaxBy(c => c.Severity ?? 0);
        if (worst is { Severity: >= 4 })
        {
            span.AddAssistantSafetyFlaggedEvent("abusive-report", assistantNote: $"{worst.Category}:{worst.Severity}"); // clean precision-about
        }

        logger.LogDebug("Outage digest prompt: {Prompt}", prompt); // leak TC1001 strings

        var response = await chatClient.GetResponseAsync(prompt.ToString(), new ChatOptions { ModelId = Model }, cancellationToken);
        span.SetAssistantPromptLength(prompt.Length).SetAssistantFinishReason(response.FinishReason?.Value ?? "stop");
        logger.LogInformation("Outage digest for {District}: {Summary}", district, response.Text); // leak TC1001 strings

        foreach (var report in reports.Where(r => r.Vulnerable))
        {
            logger.LogWarning("Vulnerable customer without supply in {Outward}, report {ReportId}", report.Postcode.Split(' ')[0], report.ReportId); // clean precision-about
            logger.LogWarning("Call back vulnerable customer on {Phone}", report.ReporterPhone); // leak TC1001 direct
        }

        return response.Text;
    }
}
