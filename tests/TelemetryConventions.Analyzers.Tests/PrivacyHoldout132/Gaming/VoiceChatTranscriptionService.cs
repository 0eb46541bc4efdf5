namespace PrivacyHoldout132.Gaming;

/// <summary>A line of voice chat turned into text for a deaf or hard of hearing player, and text typed by them read out to the party.</summary>
public sealed record TranscribedLine(string PartyId, Guid SpeakerId, string SpeakerGamertag, string Text, double Confidence, TimeSpan Latency);

public sealed class TranscriptionFailedException(string partyId, string engineCode)
    : Exception($"Transcription of party {partyId} failed: {engineCode}");

public sealed class SpeakerMutedException(string gamertag)
    : Exception($"{gamertag} is muted for abuse and cannot be read out");

/// <summary>Speech-to-text and text-to-speech for parties where someone turned on chat transcription.</summary>
public sealed partial class VoiceChatTranscriptionService(
    Pseudonymizer pseudonymizer,
    ILogger<VoiceChatTranscriptionService> logger)
{
    private static readonly ActivitySource Source = new("Studio.Accessibility.VoiceChat");
    private static readonly Meter Meter = new("Studio.Accessibility.VoiceChat");
    private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("voicechat.transcription.latency", "ms");
    private static readonly Histogram<double> Confidence = Meter.CreateHistogram<double>("voicechat.transcription.confidence");

    public void OnTranscribed(TranscribedLine line, string region)
    {
        using var activity = Source.StartActivity("voicechat.transcribe");
        activity?.SetTag("party.id", line.PartyId); // clean precision-names
        activity?.SetTag("transcription.chars", line.Text.Length); // clean precision-about
        activity?.SetTag("transcription.speaker", pseudonymizer.ComputePlayaccessPersonId(line.SpeakerId.ToString())); // clean precision-pseudonym
        Latency.Record(line.Latency.TotalMilliseconds, new KeyValuePair<string, object?>("region", region)); // clean precision-about
        Confidence.Record(line.Confidence, new KeyValuePair<string, object?>("speaker", line.SpeakerGamertag)); // leak TC1003 direct

        if (line.Confidence < 0.4)
        {
            logger.LogDebug("Low confidence line from {Speaker}: {Text}", line.SpeakerGamertag, line.Text); // leak TC1001 direct
            activity?.SetTag("transcription.line", $"{line.SpeakerGamertag}: {line.Text}"); // leak TC1001 strings
            activity?.AddEvent(new ActivityEvent("transcription.low_confidence", tags: new ActivityTagsCollection { ["confidence"] = line.Confidence, ["preview"] = line.Text[..Math.Min(30, line.Text.Length)] })); // leak TC1001 strings
        }
        LogLine(logger, line.PartyId, line.SpeakerId); // leak TC1001 logging-objects
    }

    public void OnFailure(Exception ex, string partyId)
    {
        switch (ex)
        {
            case TranscriptionFailedException failed:
                Activity.Current?.SetStatus(ActivityStatusCode.Error, failed.Message); // clean exceptions
                logger.LogPlayaccessAssistFailedEvent("voice", "transcription-failed", playaccessNote: failed.Message); // clean generated-api
                break;
            case SpeakerMutedException muted:
                Activity.Current?.AddException(muted); // leak TC1001 exceptions
                logger.LogInformation("Read-out refused: {Reason}", muted.GetType().Name); // clean exceptions
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "Line transcribed in party {PartyId} from {SpeakerId}")]
    private static partial void LogLine(ILogger logger, string partyId, Guid speakerId);
}
