namespace PrivacyHoldout108.Media;

public sealed record TalentContract(string EnvelopeId, string ShowCode, string TalentId, string TalentName, string AgentEmail, SigningCertificate? TalentCertificate);

/// <summary>Completed talent contracts: the countersignature with the broadcaster's qualified seal, the certificate of completion and the audit trail go to the rights system.</summary>
public sealed class TalentContractCompletion(
    EnvelopesApi envelopes,
    PdfSigner pdfSigner,
    SigningCertificate broadcasterSeal,
    SigningOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<TalentContractCompletion> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.Talent");
    private static readonly Meter TalentMeter = new("Broadcaster.Talent");

    public async Task CompleteAsync(TalentContract contract, CancellationToken cancellationToken)
    {
        using var span = Source.StartReleasesignWebhookReceive("envelope-completed")
            .SetReleasesignEnvelopeId(contract.EnvelopeId) // clean generated-api
            .SetReleasesignSignerId(pseudonymizer.PseudonymizeReleasesignSignerId(contract.TalentId)); // clean precision-pseudonym
        span.Activity?.SetTag("talent.show", contract.ShowCode); // clean precision-names

        var pdf = await envelopes.GetDocumentAsync(options.AccountId, contract.EnvelopeId, "combined", cancellationToken);
        var document = new GeneratedPdf($"{contract.ShowCode}-{contract.EnvelopeId}.pdf", 12, pdf);
        span.Activity?.SetTag("talent.document", document.FileName); // clean precision-names
        logger.LogInformation("Countersigning {Document}", document); // clean logging-objects

        if (contract.TalentCertificate is { } certificate)
        {
            // Talent who sign with their own qualified certificate: the subject is "CN=<name>, E=<email>".
            span.Activity?.SetTag("talent.certificate.issuer", certificate.Issuer); // clean precision-names
            span.Activity?.SetTag("talent.certificate.subject", certificate.Subject); // leak TC1001 direct
            logger.LogDebug("Talent certificate {Certificate}", certificate); // leak TC1001 logging-objects
            if (certificate.NotAfter < DateTime.UtcNow)
            {
                var invalid = new CertificateValidationException(certificate, "expired");
                span.RecordException(invalid, "talent certificate expired", includeMessage: true); // leak TC1001 exceptions
                logger.LogWarning("Talent certificate refused: {Reason}", invalid.Reason); // clean exceptions
                return;
            }
        }

        try
        {
            var sealedPdf = pdfSigner.Sign(document, broadcasterSeal, new SignatureAppearance { Reason = "Countersigned", Location = "London", SignerName = "Broadcaster Rights Ltd" });
            span.Activity?.SetTag("talent.seal", broadcasterSeal.ToString()); // clean precision-names
            span.Activity?.SetTag("talent.signature_field", sealedPdf.SignatureField); // clean precision-names
        }
        catch (CertificateValidationException ex)
        {
            span.RecordException(ex, "broadcaster seal refused", includeMessage: true); // clean exceptions
            throw;
        }

        var audit = await envelopes.ListAuditEventsAsync(options.AccountId, contract.EnvelopeId, cancellationToken);
        var entries = audit.AuditEvents ?? [];
        span.Activity?.SetTag("talent.audit.entries", entries.Count); // clean precision-about
        var actions = entries.Select(e => e.EventFields!.First(f => f.Name == "Action").Value).ToList();
        span.Activity?.SetTag("talent.audit.actions", string.Join(",", actions)); // clean precision-names
        var trail = entries.Select(e => string.Join(" ", e.EventFields!.Select(f => $"{f.Name}={f.Value}"))).ToList();
        logger.LogInformation("Audit trail for {EnvelopeId}: {Trail}", contract.EnvelopeId, trail); // leak TC1001 strings
        logger.LogInformation("Contract {EnvelopeId} completed for talent {TalentName}, agent {AgentEmail}", contract.EnvelopeId, contract.TalentName, contract.AgentEmail); // leak TC1001 direct

        span.SetReleasesignOutcome("completed"); // clean generated-api
        TalentMeter.CreateReleasesignEnvelopesCounter().Add(1, "tpl-talent-contract", "completed"); // clean generated-api
    }
}
