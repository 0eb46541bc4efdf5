namespace PrivacyHoldout118.Gaming;

/// <summary>
/// Support chat transcripts are kept for 18 months; after that the free text is put through the
/// anonymiser (emails, phone numbers, names and gamertags replaced) and kept for training the triage model.
/// </summary>
public sealed class SupportChatRetention(
    AnalyzerEngine analyzer,
    AnonymizerEngine anonymizer,
    ILogger<SupportChatRetention> logger)
{
    private static readonly ActivitySource Source = new("Studio.Privacy.ChatRetention");
    private static readonly Meter Meter = new("Studio.Privacy.ChatRetention");
    private static readonly Counter<long> Entities = Meter.CreateCounter<long>("gmdsr.scrub.entities");

    private static readonly IReadOnlyDictionary<string, OperatorConfig> Operators = new Dictionary<string, OperatorConfig>
    {
        ["DEFAULT"] = new("replace"),
        ["GAMERTAG"] = new("replace", "<GAMERTAG>"),
    };

    public string Scrub(Guid transcriptId, string playerGamertag, string transcript)
    {
        using var span = Source.StartGmdsrSweep("ret-support-chat");
        span.Activity?.SetTag("gmdsr.transcript.id", transcriptId.ToString()); // clean precision-names
        span.Activity?.SetTag("gmdsr.transcript.length", transcript.Length); // clean precision-about
        var findings = analyzer.Analyze(transcript, "en", new[] { "EMAIL_ADDRESS", "PHONE_NUMBER", "PERSON", "GAMERTAG" });
        logger.LogDebug("Findings {Findings}", findings); // clean logging-objects
        logger.LogDebug("Findings {Findings}", string.Join("; ", findings.Select(f => f.ToString()))); // clean logging-objects
        logger.LogDebug("Found {Entities}", findings.Select(f => transcript[f.Start..f.End]).ToList()); // leak TC1001 strings

        foreach (var group in findings.GroupBy(f => f.EntityType))
        {
            Entities.Add(group.Count(), new KeyValuePair<string, object?>("entity", group.Key)); // clean precision-names
        }

        var result = anonymizer.Anonymize(transcript, findings, Operators);
        span.SetGmdsrRecordsCount(result.Items.Count).SetGmdsrOutcome("anonymised"); // clean generated-api
        logger.LogDebug("Replacements {Items}", result.Items); // clean logging-objects
        if (result.Text.Contains(playerGamertag, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Gamertag {Gamertag} survived anonymisation of {TranscriptId}", playerGamertag, transcriptId); // leak TC1001 direct
            span.SetGmdsrNote("gamertag survived").SetStatus(ActivityStatusCode.Error, "residual identifier"); // clean precision-about
        }
        logger.LogTrace("Transcript before anonymisation: {Transcript}", transcript); // leak TC1001 direct
        logger.LogDebug("Residual check for {TranscriptId} against {Gamertag}", transcriptId, playerGamertag); // leak TC1001 direct
        return result.Text;
    }
}
