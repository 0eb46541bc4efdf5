using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout49.Support;
using PrivacyHoldout49.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout49.Energy;

public sealed record InstallJob(
    string JobId,
    string AccountNumber,
    string Mpan,
    string OldMeterSerial,
    string NewMeterSerial,
    string CustomerPhone,
    string AddressLine,
    string Postcode,
    string EngineerId,
    string Slot,
    string? AccessInstructions);

public sealed record JobClosure(string JobId, string EngineerId, string Outcome, Stream MeterPhoto, byte[] SignaturePng, string SignedByName, string? EngineerNotes);

/// <summary>Closes smart-meter install jobs sent from the engineers' handhelds.</summary>
public sealed class MeterInstallJobHandler(
    IBlobStore blobs,
    IExifReader exif,
    ILogger<MeterInstallJobHandler> logger,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Energy.FieldInstalls");

    public async Task CloseAsync(InstallJob job, JobClosure closure, CancellationToken cancellationToken)
    {
        using var span = Source.StartFieldVisit("smart_install");
        span.SetFieldJobId(job.JobId); // clean precision-names
        span.SetFieldWorkerId(pseudonymizer.PseudonymizeFieldWorkerId(closure.EngineerId)); // clean generated-api
        span.SetFieldClientId(pseudonymizer.PseudonymizeFieldClientId(job.AccountNumber)); // clean generated-api
        span.SetFieldVisitOutcome(closure.Outcome); // clean generated-api
        span.SetFieldVisitNote($"exchanged {job.OldMeterSerial} -> {job.NewMeterSerial}"); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("install.slot", job.Slot); // clean precision-about
        activity?.SetTag("install.mpan_distributor", job.Mpan[..2]); // clean precision-about
        activity?.SetTag("install.meter_model", job.NewMeterSerial[..3]); // clean precision-about
        activity?.SetTag("install.new_meter_serial", job.NewMeterSerial); // leak TC1001 direct
        activity?.SetTag(FieldAttributes.ClientContact, job.CustomerPhone); // leak TC1001 generated-api

        var photoName = $"installs/{job.JobId}/meter.jpg";
        var photoUri = await blobs.UploadAsync("proof-of-visit", photoName, closure.MeterPhoto, cancellationToken);
        activity?.SetTag("install.photo_uri", photoUri.ToString()); // clean strings
        closure.MeterPhoto.Position = 0;
        var tags = exif.Read(closure.MeterPhoto);
        activity?.SetTag("install.photo.make", tags.Make); // clean precision-about
        if (tags.Position is { } where)
        {
            activity?.SetTag("install.photo.position", $"{where.Latitude},{where.Longitude}"); // leak TC1001 strings
        }

        var signatureDigest = Convert.ToHexString(SHA256.HashData(closure.SignaturePng));
        span.AddFieldProofCapturedEvent("signature", fieldVisitNote: signatureDigest); // clean hashes
        span.AddFieldProofCapturedEvent("signature", fieldVisitNote: $"signed by {closure.SignedByName}"); // leak TC1001 generated-api
        activity?.SetTag("install.signature_bytes", closure.SignaturePng.Length); // clean precision-about

        if (closure.EngineerNotes is { Length: > 0 } notes)
        {
            logger.LogInformation("Engineer notes on {JobId} ({Length} chars)", job.JobId, notes.Length); // clean precision-about
            logger.LogInformation("Engineer notes on {JobId}: {Notes}", job.JobId, notes); // leak TC1001 direct
        }

        meter.CreateFieldVisitsCounter().Add(1, fieldJobKind: "smart_install", fieldRegion: job.Postcode.Split(' ')[0]); // clean generated-api
        meter.CreateFieldVisitsCounter().Add(1, fieldJobKind: "smart_install", fieldWorkerId: pseudonymizer.PseudonymizeFieldWorkerId(closure.EngineerId)); // leak TC1003 precision-pseudonym
    }

    public void NoAccess(InstallJob job, string reason)
    {
        var ex = new DispatchException($"No access at {job.AddressLine}, {job.Postcode} for job {job.JobId}: {reason}");
        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        logger.LogWarning("No access on job {JobId}: {Reason}", job.JobId, reason); // clean precision-names
        logger.LogError(ex, "Job {JobId} closed as no access", job.JobId); // leak TC1001 exceptions
        logger.LogWarning("Access instructions were {AccessInstructions}", job.AccessInstructions); // leak TC1001 direct
    }
}
