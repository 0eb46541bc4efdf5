namespace PrivacyHoldout76.Healthcare;

/// <summary>Thrown when the PAS has no patient for the hospital number: quotes it.</summary>
public sealed class PatientLookupException(string hospitalNumber)
    : Exception($"No patient with hospital number {hospitalNumber} in the PAS");

public sealed record PrescriptionRequest(string HospitalNumber, string Ward, string DrugCode, decimal DoseMg, string Route, string PrescriberStaffNumber);

/// <summary>Thrown by the dose checker: the message names the drug, the dose and the limit.</summary>
public sealed class DoseLimitException(string drugCode, decimal doseMg, decimal limitMg)
    : Exception($"Dose {doseMg} mg of {drugCode} exceeds the limit of {limitMg} mg")
{
    public string DrugCode { get; } = drugCode;
}

/// <summary>
/// Debug snapshots of the prescribing service: when a dose check fails the service captures the
/// locals of the failing call; clinicians named in a support ticket are traced verbosely until the
/// allow list expires.
/// </summary>
public sealed partial class PrescribingDiagnostics(VerboseTracingOptions verbose, Pseudonymizer pseudonymizer, ILogger<PrescribingDiagnostics> logger)
{
    public void OnDoseCheckFailed(PrescriptionRequest request, Exception error)
    {
        var snapshot = new DebugSnapshot("dose-check", error)
            .With("ward", request.Ward)
            .With("drug", request.DrugCode)
            .With("doseMg", request.DoseMg)
            .With("hospitalNumber", request.HospitalNumber);
        logger.LogError(error, "Dose check failed: {Snapshot}", snapshot); // leak TC1001 logging-objects
        Activity.Current?.SetTag("debug.snapshot.id", snapshot.SnapshotId); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("debug.snapshot", tags: new ActivityTagsCollection { ["locals"] = snapshot.ToString() })); // leak TC1001 logging-objects
        logger.LogDebug("Snapshot {SnapshotId} captured {Locals}", snapshot.SnapshotId, string.Join(",", snapshot.Locals.Keys)); // clean precision-names

        if (error is DoseLimitException limit)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, limit.Message); // clean exceptions
        }
        else if (error is PatientLookupException lookup)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, lookup.Message); // leak TC1001 exceptions
        }
        logger.LogError("Prescription request {Request}", DiagnosticDump.Of(request)); // leak TC1001 logging-objects
        logger.LogError("Prescription request {Request}", DiagnosticDump.Of(new { request.Ward, request.DrugCode, request.DoseMg, request.Route })); // clean logging-objects
    }

    public void OnBedAllocationFailed(string ward, int freeBeds, int waiting, Exception error)
    {
        var snapshot = new DebugSnapshot("bed-allocation", error).With("ward", ward).With("freeBeds", freeBeds).With("waiting", waiting);
        logger.LogError(error, "Bed allocation failed: {Snapshot}", snapshot); // clean logging-objects
    }

    public IDisposable? BeginRequest(IncomingRequest request)
    {
        var clinician = request.UserEmail;
        if (!verbose.IsDebugUser(clinician))
        {
            return null;
        }
        var activity = Activity.Current;
        activity?.SetTag("debug.verbose", true);
        activity?.SetTag("debug.user", clinician); // leak TC1001 direct
        activity?.SetBaggage("debug.sampled_up", "1"); // clean precision-about
        activity?.SetTag("debug.until", verbose.Until.ToString("O"));
        VerboseOn(logger, clinician!); // leak TC1001 direct
        VerboseOnRedacted(logger, clinician!); // clean direct
        if (request.RouteValues.TryGetValue("hospitalNumber", out var hospitalNumber))
        {
            activity?.SetTag(PortalopsAttributes.PatientId, pseudonymizer.ComputePortalopsPatientId(hospitalNumber)); // clean precision-pseudonym
        }
        return logger.BeginScope(new Dictionary<string, object?> { ["DebugUser"] = clinician, ["Route"] = request.RouteTemplate }); // leak TC1001 direct
    }

    public void LogAllowList()
    {
        logger.LogInformation("Verbose tracing on for {Count} users until {Until}", verbose.DebugUsers.Count, verbose.Until); // clean precision-about
        logger.LogInformation("Verbose tracing allow list: {DebugUsers}", string.Join(",", verbose.DebugUsers)); // leak TC1001 logging-objects
    }

    [LoggerMessage(EventId = 7611, Level = LogLevel.Information, Message = "Verbose tracing for {User}")]
    private static partial void VerboseOn(ILogger logger, string user);

    [LoggerMessage(EventId = 7612, Level = LogLevel.Information, Message = "Verbose tracing for {User}")]
    private static partial void VerboseOnRedacted(ILogger logger, [PrivateData] string user);
}
