using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout37.Support.ContactCentre;
using PrivacyHoldout37.Support.Telephony;

namespace PrivacyHoldout37.Healthcare;

public interface ICallPatientLinks
{
    /// <summary>The patient the clinician's telephone consultation was booked for.</summary>
    Task<PatientContact?> PatientForCallAsync(string callSid, CancellationToken cancellationToken);
}

/// <summary>
/// Recording status callback of telephone consultations: the recording is moved from the provider
/// into the trust's own store, filed under the patient, and deleted at the provider.
/// </summary>
[ApiController]
[Route("voice/consultations/recordings")]
public sealed class ConsultationRecordingArchiver(
    IVoiceApi voice,
    IRecordingStore store,
    ICallPatientLinks links,
    TelemetrySecrets secrets,
    ILogger<ConsultationRecordingArchiver> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Riverside.Telephony.Recordings");
    private static readonly Meter Meter = new("Riverside.Telephony.Recordings");
    private static readonly Histogram<int> RecordingSeconds = Meter.CreateHistogram<int>("consultation.recording.duration", "s");

    [HttpPost("status")]
    public async Task<ActionResult> RecordingCompleted([FromBody] VoiceWebhookForm form, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("recording.archive");
        activity?.SetTag("recording.sid", form.RecordingSid);
        activity?.SetTag("recording.url", form.RecordingUrl); // clean precision-names
        RecordingSeconds.Record(form.RecordingDuration ?? 0, new KeyValuePair<string, object?>("recording.status", form.RecordingStatus)); // clean precision-about

        var patient = await links.PatientForCallAsync(form.CallSid, cancellationToken);
        if (patient is null)
        {
            logger.LogWarning("Recording {RecordingSid} of call {CallSid} has no booked patient; keeping it at the provider", form.RecordingSid, form.CallSid); // clean direct
            return Ok();
        }

        var blobName = $"consultations/{patient.NhsNumber}/{DateTime.UtcNow:yyyy-MM-dd}/{form.CallSid}.wav";
        var shard = ShardOf(patient.NhsNumber);
        activity?.SetTag("recording.shard", shard); // clean hashes
        activity?.SetTag("recording.folder", FolderKey(patient.NhsNumber)); // leak TC1002 hashes

        await using var audio = await voice.DownloadRecordingAsync(form.RecordingSid!, cancellationToken);
        var metadata = new Dictionary<string, string> { ["call-sid"] = form.CallSid, ["nhs-number"] = patient.NhsNumber };
        var uri = await store.UploadAsync("consultation-audio", blobName, audio, metadata, cancellationToken);
        activity?.SetTag("recording.blob", uri.ToString()); // leak TC1001 strings
        activity?.SetTag("recording.container", "consultation-audio"); // clean precision-names
        logger.LogInformation("Archived recording {RecordingSid} ({Seconds}s) as {Blob}", form.RecordingSid, form.RecordingDuration, blobName); // leak TC1001 strings

        await voice.DeleteRecordingAsync(form.RecordingSid!, cancellationToken);
        logger.LogInformation("Archive metadata {@Metadata}", metadata); // leak TC1001 logging-objects
        logger.LogDebug("Archive metadata keys {Keys}", string.Join(",", metadata.Keys)); // clean logging-objects
        return Ok();
    }

    /// <summary>The folder key the old archive used: a SHA-256 of the NHS number, cut to twelve hex characters.</summary>
    private static string FolderKey(string nhsNumber) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nhsNumber)))[..12];

    private int ShardOf(string nhsNumber)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(nhsNumber));
        return mac[0] % 16;
    }
}
