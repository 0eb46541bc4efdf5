namespace PrivacyHoldout108.Healthcare;

public sealed record ConsentAuditLine(string EnvelopeId, string HospitalNumber, string SignerName, string SignerEmail, string ClientIp, string Action, DateTimeOffset At);

public sealed class ConsentRecordMismatchException(string envelopeId, string hospitalNumber)
    : Exception($"Envelope {envelopeId} carries hospital number {hospitalNumber}, which does not match the EPR record.");

internal static class ConsentActivityExtensions
{
    public static Activity? WithSigner(this Activity? activity, string signer) => activity?.SetTag("consent.signer", signer);

    public static Activity? WithTemplate(this Activity? activity, string templateId) => activity?.SetTag("consent.template", templateId);
}

/// <summary>Nightly export of the consent audit trail (who signed what, when and from where) to the information governance team.</summary>
public sealed class ConsentAuditTrailExporter(ILogger<ConsentAuditTrailExporter> logger)
{
    private static readonly ActivitySource Source = new("Trust.Consent.Audit");

    private ConsentAuditLine? _last;

    public void Export(IReadOnlyList<ConsentAuditLine> lines, string eprHospitalNumber)
    {
        using var activity = Source.StartActivity("consent.audit.export");
        activity.WithTemplate("tpl-consent-form1-v7"); // clean cross-member
        activity?.SetTag("audit.lines", lines.Count); // clean precision-about
        foreach (var line in lines)
        {
            _last = line;
            var csv = $"{line.EnvelopeId},{line.Action},{line.SignerName},{line.ClientIp},{line.At:O}";
            logger.LogDebug("Audit line {Line}", csv); // leak TC1001 strings
            if (line.HospitalNumber != eprHospitalNumber)
            {
                var mismatch = new ConsentRecordMismatchException(line.EnvelopeId, line.HospitalNumber);
                activity?.AddException(mismatch); // leak TC1001 exceptions
                logger.LogError(mismatch, "Consent audit mismatch on {EnvelopeId}", line.EnvelopeId); // leak TC1001 exceptions
            }
        }
        activity.WithSigner(_last?.SignerEmail ?? "none"); // leak TC1001 cross-member
        activity?.SetTag("audit.last_ip", _last?.ClientIp); // leak TC1001 cross-member
        activity?.SetTag("audit.signers", string.Concat(lines.Select(l => l.SignerName + ";"))); // leak TC1001 strings
        activity?.SetTag("audit.patient_ref", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(eprHospitalNumber)))[..12]); // leak TC1002 hashes
        activity?.SetTag("audit.patient_hash", HashCode.Combine(eprHospitalNumber, "consent")); // leak TC1002 hashes
        logger.LogInformation("Consent audit exported: {Lines}", lines); // leak TC1001 logging-objects
        logger.LogInformation("Consent audit exported: {Actions}", lines.GroupBy(l => l.Action).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
    }
}
