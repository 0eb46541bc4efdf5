using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout37.Support.ContactCentre;
using PrivacyHoldout37.Telemetry;

namespace PrivacyHoldout37.Media;

public sealed record TranscriptSummary(string CallSid, string Queue, int Words, double CustomerTalkShare, string Sentiment, int ComplianceHits);

/// <summary>
/// Speech analytics for the subscriber help line: every recorded call is transcribed, the
/// customer's side is scored for sentiment and scanned for the compliance keywords.
/// </summary>
public sealed class CallTranscriptAnalytics(
    ISpeechToText speech,
    ISentimentAnalyzer sentiment,
    IRedactorProvider redactors,
    ILogger<CallTranscriptAnalytics> logger)
{
    private static readonly string[] ComplianceKeywords = ["cancel", "refund", "complaint", "ombudsman", "chargeback", "vulnerable"];
    private static readonly ActivitySource Source = new("Streamly.ContactCentre.SpeechAnalytics");
    private static readonly Meter Meter = new("Streamly.ContactCentre.SpeechAnalytics");
    private static readonly Histogram<double> SentimentScores = Meter.CreateHistogram<double>("speech.sentiment");

    public async Task AnalyseAsync(string callSid, string queue, string agentStaffNumber, Uri recording, CancellationToken cancellationToken)
    {
        using var span = Source.StartCallHandle(callSid, spanName: "speech.analyse");
        Transcript transcript;
        try
        {
            transcript = await speech.TranscribeAsync(recording, "en-GB", diarise: true, cancellationToken);
        }
        catch (TranscriptionException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Transcription of {CallSid} failed", callSid); // clean exceptions
            return;
        }

        span.Activity?.SetTag("speech.job", transcript.JobId);
        span.Activity?.SetTag("speech.confidence", transcript.Confidence); // clean precision-about
        span.Activity?.SetTag("speech.language", transcript.Language); // clean precision-about

        var customerTurns = transcript.Segments.Where(s => s.Speaker == "customer").ToList();
        var customerText = string.Join(" ", customerTurns.Select(s => s.Text));
        var result = sentiment.Analyze(customerText, transcript.Language);
        span.SetCallSentimentScore(result.Score).SetCallQueue(queue); // clean generated-api
        SentimentScores.Record(result.Score, new KeyValuePair<string, object?>("call.queue", queue), new KeyValuePair<string, object?>("sentiment.label", result.Label)); // clean precision-about
        SentimentScores.Record(result.Score, new KeyValuePair<string, object?>("agent.staff_number", agentStaffNumber)); // leak TC1003 direct

        var hits = ComplianceKeywords.Where(k => customerText.Contains(k, StringComparison.OrdinalIgnoreCase)).ToList();
        span.Activity?.SetTag("speech.compliance.keywords", string.Join(",", hits)); // clean strings
        span.Activity?.SetTag("speech.key_phrases", string.Join(",", result.KeyPhrases)); // leak TC1001 strings
        if (customerTurns.Count > 0)
        {
            logger.LogDebug("Opening customer turn on {CallSid}: {Text}", callSid, customerTurns[0].Text); // leak TC1001 direct
            logger.LogDebug("Opening customer turn on {CallSid}: {@Segment}", callSid, customerTurns[0]); // leak TC1001 logging-objects
        }

        var redactor = redactors.GetRedactor(new DataClassificationSet(DataTaxonomy.PrivateData));
        logger.LogDebug("Customer side of {CallSid}: {Text}", callSid, redactor.Redact(customerText)); // clean precision-pseudonym

        var words = transcript.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var customerWords = customerText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var summary = new TranscriptSummary(callSid, queue, words, words == 0 ? 0 : (double)customerWords / words, result.Label, hits.Count);
        logger.LogInformation("Speech analytics {@Summary}", summary); // clean logging-objects
        if (result.Label == "negative" && hits.Contains("ombudsman"))
        {
            span.AddCallTransferredEvent("complaints-review", callNote: $"negative ({result.Score:0.00}) with {hits.Count} compliance keywords"); // clean generated-api
            logger.LogCallTransferredEvent("complaints-review", callNote: $"customer said: {customerTurns.LastOrDefault()?.Text}"); // leak TC1001 generated-api
        }
    }
}
