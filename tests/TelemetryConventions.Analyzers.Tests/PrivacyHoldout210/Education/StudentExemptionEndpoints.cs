using PrivacyHoldout210.Support;
using PrivacyHoldout210.Telemetry;

namespace PrivacyHoldout210.Education;

/// <summary>A student asks for a council tax exemption certificate for their term-time address.</summary>
public sealed record CertificateRequest(string StudentNumber, string FullName, string TermAddress, string Postcode, string CouncilCode, string Course, DateOnly CourseEnds);

/// <summary>A certificate issued: the certificate number, the course and the council, no student.</summary>
public sealed record CertificateIssued(string CertificateNumber, string Course, string CouncilCode, DateOnly ValidUntil);

public static partial class StudentExemptionEndpoints
{
    private static readonly ActivitySource Source = new("University.CouncilTaxCertificates");
    private static readonly Meter Meter = new("University.CouncilTaxCertificates");
    private static readonly Counter<int> Issued = Meter.CreateCounter<int>("certificates.issued");
    private static string? s_lastRejectedStudent;

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/certificates", Issue);
        routes.MapGet("/certificates/rejected", LastRejected);
    }

    private static CertificateIssued? Issue(CertificateRequest request, Pseudonymizer pseudonymizer, ILogger<CertificateIssued> logger)
    {
        using var activity = Source.StartActivity("certificate.issue");
        activity?.SetTag("certificate.council", request.CouncilCode); // clean precision-names
        activity?.SetTag("certificate.course", request.Course); // clean precision-names
        activity?.SetTag("student.number", request.StudentNumber); // leak TC1001 direct
        activity?.SetTag("student.term_address", $"{request.TermAddress}, {request.Postcode}"); // leak TC1001 strings
        activity?.SetTag("student.pseudonym", pseudonymizer.ComputeHallsexemptResidentId(request.StudentNumber)); // clean precision-pseudonym
        activity?.SetTag("student.name.length", request.FullName.Length); // clean precision-about

        if (request.CourseEnds < DateOnly.FromDateTime(DateTime.UtcNow))
        {
            s_lastRejectedStudent = request.StudentNumber;
            activity?.SetStatus(ActivityStatusCode.Error, "course ended"); // clean exceptions
            CertificateRefused(logger, request.StudentNumber, request.Course); // clean logging-objects
            Issued.Add(1, new KeyValuePair<string, object?>("outcome", "course-ended")); // clean precision-names
            return null;
        }

        var issued = new CertificateIssued($"CT-{Guid.NewGuid():N}"[..12], request.Course, request.CouncilCode, request.CourseEnds);
        activity?.SetTag("certificate.number", issued.CertificateNumber); // clean precision-names
        logger.LogInformation("Issued {@Certificate}", issued); // clean logging-objects
        logger.LogInformation("Issued for {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Issued for {Student}", request with { StudentNumber = "redacted" }); // leak TC1001 logging-objects
        logger.LogInformation(string.Format("Certificate {0} for {1}", issued.CertificateNumber, request.FullName)); // leak TC1001 strings
        logger.LogInformation("Certificate {Number} valid to {Until}", issued.CertificateNumber, issued.ValidUntil); // clean precision-names
        Issued.Add(1, new KeyValuePair<string, object?>("student", request.StudentNumber)); // leak TC1003 direct
        Issued.Add(1, new KeyValuePair<string, object?>("council", request.CouncilCode)); // clean precision-names

        using var span = Source.StartHallsexemptOperation("registry");
        span.SetHallsexemptResidentId(pseudonymizer.PseudonymizeHallsexemptResidentId(request.StudentNumber)); // clean generated-api
        span.SetHallsexemptKind("exemption-certificate"); // clean generated-api
        span.SetHallsexemptNote($"certificate {issued.CertificateNumber} for {request.CouncilCode}"); // clean generated-api
        span.SetHallsexemptNote($"certificate for {request.FullName}"); // leak TC1001 generated-api
        Meter.CreateHallsexemptOperationsCounter().Add(1, "registry", "issued"); // clean generated-api
        return issued;
    }

    private static string? LastRejected(ILogger<CertificateIssued> logger)
    {
        logger.LogInformation("Last rejected student {Student}", s_lastRejectedStudent); // leak TC1001 cross-member
        Activity.Current?.SetTag("certificate.rejected.any", s_lastRejectedStudent is not null); // clean cross-member
        var md5 = MD5.HashData(Encoding.UTF8.GetBytes(s_lastRejectedStudent ?? string.Empty));
        Activity.Current?.SetTag("certificate.rejected.key", Convert.ToBase64String(md5)); // leak TC1002 hashes
        return null;
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Certificate refused for {StudentNumber} on {Course}")]
    private static partial void CertificateRefused(ILogger logger, [PrivateData] string studentNumber, string course);
}
