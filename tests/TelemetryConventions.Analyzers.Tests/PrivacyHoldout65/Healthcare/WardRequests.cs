namespace PrivacyHoldout65.Healthcare;

internal static class PatientContextKeys
{
    public const string HospitalNumber = "ward.patient.hospital_number";
    public const string Ward = "ward.code";
    public const string PatientRef = "ward.patient.ref";
}

/// <summary>Opens a logging scope for every ward API request and keeps the route's patient for later readers.</summary>
public sealed class WardScopeMiddleware(ILogger<WardScopeMiddleware> logger, Pseudonymizer pseudonymizer) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var ward = context.Request.RouteValues.TryGetValue("ward", out var w) ? w as string : null;
        var hospitalNumber = context.Request.RouteValues.TryGetValue("hospitalNumber", out var h) ? h as string : null;
        context.Items[PatientContextKeys.Ward] = ward;
        context.Items[PatientContextKeys.HospitalNumber] = hospitalNumber;
        context.Items[PatientContextKeys.PatientRef] = hospitalNumber is null ? null : pseudonymizer.ComputeAdmissionPatientId(hospitalNumber);

        // The ward API's routes are /wards/{ward}/patients/{hospitalNumber}/…
        using var requestScope = logger.BeginScope(new Dictionary<string, object?> { ["ward"] = ward, ["http.path"] = context.Request.Path }); // leak TC1001 direct
        using var traceScope = logger.BeginScope(new Dictionary<string, object?> { ["ward"] = ward, ["trace.id"] = context.TraceIdentifier, ["method"] = context.Request.Method }); // clean direct
        await next(context);
    }
}

/// <summary>Adds the request's ward and patient to every log record written while the request runs.</summary>
public sealed class WardLogEnricher(IHttpContextAccessor accessor) : ILogEnricher
{
    public void Enrich(IEnrichmentTagCollector collector)
    {
        if (accessor.HttpContext?.Items is not { } items)
        {
            return;
        }
        if (items.TryGetValue(PatientContextKeys.Ward, out var ward) && ward is string wardCode)
        {
            collector.Add("ward.code", wardCode); // clean precision-names
        }
        if (items.TryGetValue(PatientContextKeys.PatientRef, out var reference) && reference is string patientRef)
        {
            collector.Add("patient.ref", patientRef); // clean precision-pseudonym
        }
        if (items.TryGetValue(PatientContextKeys.HospitalNumber, out var number) && number is string hospitalNumber)
        {
            collector.Add("patient.hospital_number.length", hospitalNumber.Length); // clean precision-about
            collector.Add("patient.hospital_number", hospitalNumber); // leak TC1001 cross-member
        }
    }
}

/// <summary>The clinical audit trail, written as log records through the caller's logger.</summary>
public sealed class ClinicalAudit<T>(ILogger<T> inner)
{
    public void RecordAccess(string staffNumber, string hospitalNumber, string section) =>
        inner.LogInformation(new EventId(4190, "RecordAccessed"), "Record section {Section} opened by {StaffNumber} for {HospitalNumber}", section, staffNumber, hospitalNumber); // leak TC1001 direct

    public void RecordDecision(string subject, string decision) =>
        inner.LogInformation(new EventId(4191, "ClinicalDecision"), "Decision {Decision} recorded for {Subject}", decision, subject);
}

public sealed record DischargeLetter(string LetterId, string AdmissionId, string NhsNumber, string PracticeCode, string PatientEmail, string Summary, string DestinationCode);

public sealed class LetterDeliveryException(string message, Exception? inner = null) : Exception(message, inner);

public interface ILetterTransport
{
    Task SendToPracticeAsync(DischargeLetter letter, CancellationToken ct);

    Task EmailCopyAsync(string email, DischargeLetter letter, CancellationToken ct);
}

/// <summary>Sends discharge letters to the GP practice and a copy to the patient.</summary>
public sealed partial class DischargeLetterSender
{
    private readonly ILogger<DischargeLetterSender> _logger;
    private readonly ClinicalAudit<DischargeLetterSender> _audit;
    private readonly ILetterTransport _transport;
    private readonly Pseudonymizer _pseudonymizer;

    public DischargeLetterSender(ILogger<DischargeLetterSender> logger, ILetterTransport transport, Pseudonymizer pseudonymizer)
    {
        _logger = logger;
        _audit = new ClinicalAudit<DischargeLetterSender>(logger);
        _transport = transport;
        _pseudonymizer = pseudonymizer;
    }

    [LoggerMessage(4130, LogLevel.Information, "Discharge letter {LetterId} sent to practice {PracticeCode}")]
    private partial void LetterSent(string letterId, string practiceCode);

    [LoggerMessage(4131, LogLevel.Information, "Discharge summary queued")]
    private partial void SummaryQueued(string letterId, string summary);

    [LoggerMessage(4132, LogLevel.Warning, "Copy to patient failed for letter {LetterId}")]
    private partial void PatientCopyFailed(Exception exception, string letterId);

    [LoggerMessage(4133, LogLevel.Information, "Letter {LetterId} for {NhsNumber} discharged to {Destination}")]
    private partial void LetterFiled(string letterId, [PersonalData] string nhsNumber, string destination);

    public async Task SendAsync(DischargeLetter letter, string staffNumber, CancellationToken ct)
    {
        SummaryQueued(letter.LetterId, letter.Summary); // leak TC1001 strings
        await _transport.SendToPracticeAsync(letter, ct);
        LetterSent(letter.LetterId, letter.PracticeCode); // clean direct
        LetterFiled(letter.LetterId, letter.NhsNumber, letter.DestinationCode); // clean direct
        _audit.RecordAccess(staffNumber, letter.NhsNumber, "discharge-summary"); // leak TC1001 cross-member
        _audit.RecordDecision(_pseudonymizer.ComputeAdmissionPatientId(letter.NhsNumber), "letter-sent"); // clean precision-pseudonym
        _audit.RecordDecision(letter.NhsNumber, "copy-requested"); // leak TC1001 cross-member

        try
        {
            await _transport.EmailCopyAsync(letter.PatientEmail, letter, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failure = new LetterDeliveryException($"Mailbox {letter.PatientEmail} refused letter {letter.LetterId}", ex);
            PatientCopyFailed(failure, letter.LetterId); // leak TC1001 exceptions
            PatientCopyFailed(new LetterDeliveryException($"Patient copy of {letter.LetterId} not delivered"), letter.LetterId); // clean exceptions
            Activity.Current?.AddEvent(new ActivityEvent("letter.copy_failed", tags: new ActivityTagsCollection { ["letter.id"] = letter.LetterId, ["mail.domain"] = letter.PatientEmail.Split('@')[^1] })); // clean precision-about
        }
    }
}
