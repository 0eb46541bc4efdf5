using System.ClientModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using PrivacyHoldout24.Telemetry;

namespace PrivacyHoldout24.Media;

public sealed record SubtitleCue(int Index, TimeSpan Start, TimeSpan End, string Text);

public sealed record SubtitleDelivery(string DeliveryId, string TitleId, string SourceLanguage, string DeliveredBy, IReadOnlyList<SubtitleCue> Cues);

/// <summary>
/// Machine-translates a delivered subtitle file into the catalogue's other languages, in batches of
/// cues, through the Semantic Kernel chat completion service. A linguist reviews every file after.
/// </summary>
public sealed class SubtitleTranslator(IChatCompletionService chat, Kernel kernel, ILogger<SubtitleTranslator> logger)
{
    private static readonly ActivitySource Source = new("Catalogue.Subtitles");

    private const string Model = "gpt-4o-2024-08-06";

    private const int BatchSize = 40;

    public async Task<IReadOnlyList<SubtitleCue>> TranslateAsync(SubtitleDelivery delivery, string targetLanguage, CancellationToken cancellationToken)
    {
        using var span = Source.StartAssistantCompletion(Model);
        span.SetAssistantFeature("subtitle-translation");
        Activity.Current?.SetTag("catalogue.subtitle.delivery", delivery.DeliveryId); // clean precision-names
        logger.LogInformation("Translating {CueCount} cues of {TitleId} from {Source} to {Target}", delivery.Cues.Count, delivery.TitleId, delivery.SourceLanguage, targetLanguage); // clean precision-about
        logger.LogInformation("Delivery {DeliveryId} was delivered by {DeliveredBy}", delivery.DeliveryId, delivery.DeliveredBy); // leak TC1001 direct
        logger.LogDebug("Delivery manifest {Delivery}", delivery); // leak TC1001 logging-objects

        var translated = new List<SubtitleCue>(delivery.Cues.Count);
        foreach (var batch in delivery.Cues.Chunk(BatchSize))
        {
            var history = new ChatHistory($"Translate each numbered subtitle line from {delivery.SourceLanguage} to {targetLanguage}. Keep the numbering and line breaks.");
            history.AddUserMessage(string.Join("\n", batch.Select(c => $"{c.Index}: {c.Text}")));
            logger.LogDebug("Translation request {History}", history); // clean logging-objects

            try
            {
                var reply = await chat.GetChatMessageContentAsync(history, new PromptExecutionSettings { ModelId = Model }, kernel, cancellationToken);
                logger.LogTrace("Translation reply {Reply}", reply); // clean strings
                translated.AddRange(Parse(reply.Content ?? string.Empty, batch));
            }
            catch (ClientResultException ex)
            {
                logger.LogError(ex, "Translation batch starting at cue {Index} failed with HTTP {Status}", batch[0].Index, ex.Status); // clean exceptions
                span.RecordException(ex, includeMessage: true);
                throw;
            }
        }

        span.SetAssistantMessageCount(translated.Count);
        return translated;
    }

    private static IEnumerable<SubtitleCue> Parse(string reply, SubtitleCue[] batch)
    {
        var lines = reply.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var cue in batch)
        {
            var line = lines.FirstOrDefault(l => l.StartsWith($"{cue.Index}:", StringComparison.Ordinal));
            yield return cue with { Text = line?[(line.IndexOf(':') + 1)..].Trim() ?? cue.Text };
        }
    }
}
