using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout34.Support.Documents;
using PrivacyHoldout34.Support.ESign;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Healthcare;

public sealed class ESignOptions
{
    public string AccountId { get; init; } = "7d3f1c0a-2b6e-4e59-9a51-8f2c4d1e0b77";

    public byte[] ConnectSecret { get; init; } = [];

    public string ReturnUrl { get; init; } = "https://consent.example-trust.nhs.uk/signed";
}

/// <summary>Sends the filled consent form for signature: the patient signs on the ward tablet (embedded signing).</summary>
public sealed class ConsentEnvelopeService(
    IEnvelopesApi envelopes,
    ConsentFormFiller filler,
    ESignOptions options,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ConsentEnvelopeService> logger)
{
    private static readonly ActivitySource Source = new("Clinic.Consent");
    private readonly Counter<long> _sent = meter.CreateCounter<long>("consent.envelopes.sent");

    public async Task<string> StartSigningAsync(ConsentRequest request, CancellationToken cancellationToken)
    {
        var patient = request.Patient;
        var pdf = await filler.FillAsync(request, cancellationToken);
        var fullName = $"{patient.GivenName} {patient.FamilyName}";

        var envelope = new EnvelopeDefinition
        {
            EmailSubject = $"Consent form for {fullName}",
            Status = "sent",
            Documents = { new Document { DocumentId = "1", Name = "Consent form 4", DocumentBase64 = Convert.ToBase64String(pdf) } },
            Recipients = new Recipients
            {
                Signers =
                {
                    new Signer { Email = patient.Email, Name = fullName, ClientUserId = patient.HospitalNumber, RoleName = "Patient", RecipientId = "1" },
                },
            },
        };

        using var span = Source.StartEsignEnvelopeSend("docusign");
        span.SetEsignSignerId(pseudonymizer.PseudonymizeEsignSignerId(patient.HospitalNumber)); // clean precision-pseudonym
        span.SetEsignRecipientCount(envelope.Recipients.Signers.Count); // clean precision-about

        EnvelopeSummary summary;
        try
        {
            summary = await envelopes.CreateEnvelopeAsync(options.AccountId, envelope, cancellationToken);
        }
        catch (ApiException ex)
        {
            logger.LogError(ex, "Consent envelope for procedure {ProcedureId} was refused ({Code})", request.ProcedureId, ex.ErrorCode); // clean exceptions
            throw;
        }

        span.SetEsignEnvelopeId(summary.EnvelopeId);
        logger.LogInformation("Consent envelope {EnvelopeId} sent: {Subject}", summary.EnvelopeId, envelope.EmailSubject); // leak TC1001 strings
        _sent.Add(1, new KeyValuePair<string, object?>("ward", patient.Ward), new KeyValuePair<string, object?>("signer.role", "Patient")); // clean precision-names

        var view = await envelopes.CreateRecipientViewAsync(options.AccountId, summary.EnvelopeId, new RecipientViewRequest
        {
            ClientUserId = patient.HospitalNumber,
            Email = patient.Email,
            UserName = fullName,
            ReturnUrl = options.ReturnUrl,
        }, cancellationToken);

        Activity.Current?.SetTag("consent.signing.host", new Uri(view.Url).Host); // clean precision-about
        logger.LogDebug("Ward tablet opens the signing ceremony at {SigningUrl}", view.Url); // leak TC1001 direct
        Activity.Current?.SetBaggage("clinic.hospital_number", patient.HospitalNumber); // leak TC1001 direct
        return view.Url;
    }
}

/// <summary>Receives the provider's envelope status webhook for consent envelopes and archives the completed ones.</summary>
[ApiController]
[Route("webhooks/esign")]
public sealed class ConsentConnectController(
    IEnvelopesApi envelopes,
    IDocumentStore archive,
    ESignOptions options,
    Meter meter,
    ILogger<ConsentConnectController> logger) : ControllerBase
{
    private readonly Histogram<double> _turnaround = meter.CreateHistogram<double>("consent.signing.turnaround", "s");

    [HttpPost("connect")]
    public async Task<ActionResult> ReceiveAsync([FromBody] string body, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        HttpContext.RequestHeaders.TryGetValue("X-DocuSign-Signature-1", out var signature);
        activity?.SetTag("connect.signature", signature); // clean hashes
        if (!ConnectHmac.IsValid(options.ConnectSecret, body, signature))
        {
            logger.LogWarning("Rejected a Connect payload with a bad signature: {Payload}", body); // leak TC1001 strings
            return BadRequest();
        }

        var evt = JsonSerializer.Deserialize<ConnectEvent>(body)!;
        var envelope = evt.Data.EnvelopeSummary;
        activity?.AddEsignEnvelopeStatusChangedEvent(evt.Data.EnvelopeId, envelope.Status); // clean generated-api

        foreach (var signer in envelope.Recipients.Signers.Where(s => s.Status == "declined"))
        {
            logger.LogWarning("Consent declined on envelope {EnvelopeId}: {Reason}", evt.Data.EnvelopeId, signer.DeclinedReason); // leak TC1001 direct
            activity?.SetTag("consent.declined.reason_length", signer.DeclinedReason?.Length ?? 0); // clean precision-about
        }

        if (envelope.Status != "completed")
        {
            return Ok();
        }

        if (envelope.SentDateTime is { } sent && envelope.CompletedDateTime is { } completed)
        {
            _turnaround.Record((completed - sent).TotalSeconds, new KeyValuePair<string, object?>("patient.signer", envelope.Recipients.Signers.FirstOrDefault()?.ClientUserId)); // leak TC1003 cross-member
        }

        var audit = await envelopes.ListAuditEventsAsync(options.AccountId, evt.Data.EnvelopeId, cancellationToken);
        foreach (var line in audit.AuditEvents)
        {
            var fields = line.EventFields.ToDictionary(f => f.Name, f => f.Value);
            logger.LogInformation("Envelope {EnvelopeId} audit: {Action} at {LogTime}", evt.Data.EnvelopeId, fields.GetValueOrDefault("Action"), fields.GetValueOrDefault("logTime")); // clean precision-names
            activity?.AddEvent(new ActivityEvent("consent.audit", tags: new ActivityTagsCollection { ["action"] = fields.GetValueOrDefault("Action"), ["user"] = fields.GetValueOrDefault("UserName") })); // leak TC1001 direct
        }

        await using var certificate = await envelopes.GetDocumentAsync(options.AccountId, evt.Data.EnvelopeId, "certificate", cancellationToken);
        using var buffer = new MemoryStream();
        await certificate.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var uri = await archive.UploadAsync($"consent/certificates/{evt.Data.EnvelopeId}.pdf", bytes, new Dictionary<string, string> { ["retention"] = "8y" }, cancellationToken);
        logger.LogInformation("Archived certificate of completion {Blob} ({Sha256})", uri, Convert.ToHexString(SHA256.HashData(bytes))); // clean hashes
        return Ok();
    }
}
