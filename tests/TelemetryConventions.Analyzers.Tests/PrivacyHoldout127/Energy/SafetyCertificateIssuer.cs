namespace PrivacyHoldout127.Energy;

public sealed record CourseResult(string EmployeeNumber, string FullName, string WorkEmail, string CourseCode, string Depot, string Provider, bool Passed);

/// <summary>Issues the network operator's safety certificates (HV authorisation, confined spaces) when a course is passed.</summary>
public sealed partial class SafetyCertificateIssuer(ICertificateIssuer issuer, TrainingOptions options, Pseudonymizer pseudonymizer, ILogger<SafetyCertificateIssuer> logger)
{
    private static readonly ActivitySource Source = new("Grid.FieldCertification");
    private static readonly Meter Meter = new("Grid.FieldCertification");
    private readonly FieldcertCompletionsCounter _completions = Meter.CreateFieldcertCompletionsCounter();
    private static readonly Counter<long> Issued = Meter.CreateCounter<long>("fieldcert.certificates.issued");

    public async Task<Certificate?> IssueAsync(CourseResult result, CancellationToken ct)
    {
        var engineer = pseudonymizer.PseudonymizeFieldcertEngineerId(result.EmployeeNumber);
        using var span = Source.StartFieldcertRecord(result.CourseCode)
            .SetFieldcertDepot(result.Depot) // clean precision-names
            .SetFieldcertProvider(result.Provider) // clean precision-names
            .SetFieldcertEngineerId(engineer); // clean precision-pseudonym
        _completions.Add(1, result.CourseCode, result.Passed ? "passed" : "failed"); // clean precision-about
        if (!result.Passed)
        {
            return null;
        }

        var template = new CertificateTemplate(options.CertificateTemplateId, "Authorisation", "en-GB", 3);
        try
        {
            var certificate = await issuer.IssueAsync(result.CourseCode, result.FullName, result.WorkEmail, template, ct);
            span.SetFieldcertCertificateRef(certificate.CertificateNumber); // leak TC1001 generated-api
            span.Activity?.SetTag("fieldcert.template", template); // clean logging-objects
            span.Activity?.SetTag("fieldcert.expires_on", certificate.ExpiresOn?.ToString("O", CultureInfo.InvariantCulture)); // clean precision-about
            span.Activity?.SetTag("fieldcert.verify_url", certificate.VerificationUrl.ToString()); // leak TC1001 cross-member
            LogIssued(logger, certificate.CourseCode, certificate.HolderName); // leak TC1001 logging-objects
            logger.LogInformation("Issued {@Certificate}", certificate); // leak TC1001 logging-objects
            Issued.Add(1, new KeyValuePair<string, object?>("course", certificate.CourseCode), new KeyValuePair<string, object?>("depot", result.Depot)); // clean precision-names
            var pdf = await issuer.RenderPdfAsync(certificate, ct);
            span.Activity?.SetTag("fieldcert.pdf.name", $"{result.EmployeeNumber}-{result.CourseCode}.pdf"); // leak TC1001 strings
            logger.LogDebug("Rendered {Bytes} bytes with {TemplateId}", pdf.Length, options.CertificateTemplateId); // clean precision-names
            return certificate;
        }
        catch (CertificateRenderException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Certificate layout failed for template {TemplateId}", ex.TemplateId); // clean exceptions
            return null;
        }
    }

    public async Task RevokeAsync(string certificateNumber, string reason, CancellationToken ct)
    {
        using var activity = Source.StartActivity("fieldcert.revoke");
        activity?.SetTag("fieldcert.revoke.reason", reason); // clean precision-about
        try
        {
            await issuer.RevokeAsync(certificateNumber, reason, ct);
            logger.LogWarning("Revoked certificate {CertificateNumber}", certificateNumber); // leak TC1001 direct
        }
        catch (CertificateRevokedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Certificate for {Course} issued to {Holder}")]
    private static partial void LogIssued(ILogger logger, string course, string holder);
}
