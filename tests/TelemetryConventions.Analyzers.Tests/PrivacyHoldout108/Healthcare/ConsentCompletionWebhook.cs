namespace PrivacyHoldout108.Healthcare;

/// <summary>The provider's Connect webhook: checks the HMAC, files the completed consent and its certificate in the EPR, and keeps the audit trail.</summary>
[ApiController]
[Route("hooks/esign")]
public sealed class ConsentCompletionWebhook(
    EnvelopesApi envelopes,
    SigningOptions options,
    IEprDocumentStore epr,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<ConsentCompletionWebhook> logger) : ControllerBase
{
    private static readonly Meter WebhookMeter = new("Trust.Consent.Webhooks");
    private static readonly Counter<long> Rejected = WebhookMeter.CreateCounter<long>("consent.webhook.rejected");
    private static readonly Counter<long> Filed = WebhookMeter.CreateCounter<long>("consent.filed");

    [HttpPost("connect")]
    public async Task<ActionResult> ReceiveAsync(string body, CancellationToken cancellationToken)
    {
        var signature = HttpContext.RequestHeaders.TryGetValue(ConnectHmac.SignatureHeader, out var header) ? header : string.Empty;
        using var span = Activity.Current.EnrichConsentsignWebhookReceive("unknown");
        span.Activity?.SetTag("consent.webhook.signature", signature); // clean precision-names
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(signature), Encoding.UTF8.GetBytes(ConnectHmac.Compute(options.ConnectSecret, body))))
        {
            var failure = new ConnectSignatureException(ConnectHmac.SignatureHeader);
            span.RecordException(failure, "webhook signature mismatch", includeMessage: true); // clean exceptions
            Rejected.Add(1, new KeyValuePair<string, object?>("reason", "hmac")); // clean precision-about
            logger.LogWarning("Rejected Connect delivery, body {Body}", body); // leak TC1001 direct
            return BadRequest("signature");
        }

        var evt = JsonSerializer.Deserialize<ConnectEvent>(body)!;
        var envelope = evt.Data!.EnvelopeSummary!;
        span.SetConsentsignWebhookEvent(evt.Event!) // clean generated-api
            .SetConsentsignEnvelopeId(evt.Data.EnvelopeId!) // clean generated-api
            .SetConsentsignEnvelopeStatus(envelope.Status ?? "unknown"); // clean generated-api
        span.Activity?.SetTag("connect.configuration_id", evt.ConfigurationId); // clean precision-names
        span.Activity?.SetTag("connect.retry_count", evt.RetryCount); // clean precision-about
        span.Activity?.SetTag("connect.sender", evt.Data.UserId); // leak TC1001 cross-member

        var patientSigner = envelope.Recipients?.Signers?.FirstOrDefault(s => s.RoleName == "Patient");
        var hospitalNumber = envelope.CustomFields?.TextCustomFields?.FirstOrDefault(f => f.Name == "HospitalNumber")?.Value ?? string.Empty;

        if (evt.Event == "recipient-declined")
        {
            span.SetConsentsignOutcome("declined"); // clean generated-api
            logger.LogInformation("Consent declined on {EnvelopeId}: {Reason}", evt.Data.EnvelopeId, patientSigner?.DeclinedReason); // clean precision-about
            logger.LogInformation("Consent declined by {Signer}", patientSigner?.Name); // leak TC1001 cross-member
            logger.LogConsentsignEnvelopeFailedEvent(evt.Data.EnvelopeId!, "declined", pseudonymizer.PseudonymizeConsentsignSignerId(hospitalNumber)); // clean precision-pseudonym
            return Ok();
        }

        var pdf = await envelopes.GetDocumentAsync(options.AccountId, evt.Data.EnvelopeId!, "combined", cancellationToken);
        var certificate = await envelopes.GetDocumentAsync(options.AccountId, evt.Data.EnvelopeId!, "certificate", cancellationToken);
        var digest = Convert.ToHexString(SHA256.HashData(pdf));
        span.Activity?.SetTag("consent.document.sha256", digest); // clean hashes
        span.Activity?.SetTag("consent.patient.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hospitalNumber)))); // leak TC1002 hashes
        await epr.FileAsync(hospitalNumber, "consent", pdf, certificate, cancellationToken);
        span.Activity?.SetTag("consent.certificate.bytes", certificate.Length); // clean precision-about

        var audit = await envelopes.ListAuditEventsAsync(options.AccountId, evt.Data.EnvelopeId!, cancellationToken);
        foreach (var entry in audit.AuditEvents ?? [])
        {
            var fields = entry.EventFields!.ToDictionary(f => f.Name!, f => f.Value);
            span.Activity?.AddEvent(new ActivityEvent("consent.audit", tags: new ActivityTagsCollection { ["action"] = fields.GetValueOrDefault("Action"), ["status"] = fields.GetValueOrDefault("EnvelopeStatus") })); // clean precision-names
            span.Activity?.AddEvent(new ActivityEvent("consent.audit.actor", tags: new ActivityTagsCollection { ["user"] = fields.GetValueOrDefault("UserName"), ["ip"] = fields.GetValueOrDefault("ClientIPAddress") })); // leak TC1001 strings
        }

        span.SetConsentsignOutcome("completed"); // clean generated-api
        var sent = DateTime.Parse(envelope.SentDateTime!, CultureInfo.InvariantCulture);
        var completed = DateTime.Parse(envelope.CompletedDateTime!, CultureInfo.InvariantCulture);
        meter.CreateConsentsignCompletionDurationHistogram().Record((completed - sent).TotalSeconds, "tpl-consent-form1-v7"); // clean generated-api
        meter.CreateConsentsignEnvelopesCounter().Add(1, "tpl-consent-form1-v7", "completed"); // clean generated-api
        logger.LogInformation("Filed consent {EnvelopeId} for patient {PatientId}", evt.Data.EnvelopeId, pseudonymizer.ComputeConsentsignSignerId(hospitalNumber)); // clean precision-pseudonym
        Filed.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeConsentsignSignerId(hospitalNumber))); // leak TC1003 precision-pseudonym
        return Ok();
    }
}

public interface IEprDocumentStore
{
    Task FileAsync(string hospitalNumber, string documentType, byte[] document, byte[] certificate, CancellationToken cancellationToken);
}
