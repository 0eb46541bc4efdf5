namespace PrivacyHoldout76.Healthcare;

/// <summary>
/// The synthetic patients the trust registered on the patient portal for monitoring. Their NHS
/// numbers are in the 999 range, which NHS England issues for testing and never allocates to a patient.
/// </summary>
public static class PortalTestPatients
{
    public static readonly SyntheticAccount Appointments = new("syn-portal-01", "syn-portal-01@probes.rxh.nhs.example", "appointments probe");

    public static readonly SyntheticAccount Letters = new("syn-portal-02", "syn-portal-02@probes.rxh.nhs.example", "letters probe");

    public const string AppointmentsNhsNumber = "9990001234";

    public const string LettersNhsNumber = "9990004321";
}

/// <summary>
/// The results viewer of the EPR has no service role for probes yet, so its probe signs in with the
/// smartcard login of the clinical systems lead, Dr Okafor, who agreed to lend it until the role exists.
/// </summary>
public sealed class ResultsViewerProbeOptions
{
    public string ClinicianLogin { get; init; } = "amira.okafor@rxh.nhs.example";

    public string SecretName { get; init; } = "epr-viewer-probe";

    public string ViewerPatientNhsNumber { get; init; } = "9990007777";
}

public sealed partial class PortalProbeRunner(
    ProbeHttpClient http,
    ISecretReader secrets,
    ResultsViewerProbeOptions viewerProbe,
    IReadOnlyList<SyntheticAccount> scheduledAccounts,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<PortalProbeRunner> logger)
{
    private static readonly ActivitySource Source = new("Trust.Portal.Probes");
    private readonly Histogram<double> _stepSeconds = meter.CreateHistogram<double>("portal.probe.step.duration", "s");

    public async Task RunScheduledAsync(string version, CancellationToken ct)
    {
        foreach (var account in scheduledAccounts)
        {
            if (!account.IsSynthetic)
            {
                logger.LogError("Refusing to probe with account {AccountId}: it is not synthetic", account.AccountId); // leak TC1001 direct
                continue;
            }
            logger.LogInformation("Scheduled probe as {AccountId} ({Label})", account.AccountId, account.Label); // clean precision-about
        }
        await RunAppointmentsProbeAsync(version, ct);
        await RunResultsViewerProbeAsync(version, ct);
    }

    public async Task RunAppointmentsProbeAsync(string version, CancellationToken ct)
    {
        var account = PortalTestPatients.Appointments;
        using var span = Source.StartPortalopsProbe("appointments") // clean generated-api
            .SetPortalopsSyntheticAccount(account.AccountId) // clean precision-about
            .SetPortalopsDeployVersion(version);
        span.SetPortalopsPatientId(pseudonymizer.PseudonymizePortalopsPatientId(PortalTestPatients.AppointmentsNhsNumber)); // clean precision-pseudonym

        await http.SignInAsync(account.Login, await secrets.ReadAsync("portal-probe-01", ct), ct);
        ProbeSignedIn(logger, "appointments", account.Login); // clean precision-about

        var list = await http.GetAsync("list", $"/api/patients/{PortalTestPatients.AppointmentsNhsNumber}/appointments", ct);
        span.Activity?.SetTag("probe.request.path", list.Path); // clean precision-about
        _stepSeconds.Record(list.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("probe", "appointments"), new KeyValuePair<string, object?>("step", list.Step));
        try
        {
            ProbeAssert.Status("appointments", list, 200);
            ProbeAssert.BodyContains("appointments", list, "\"clinic\":\"ENT-3\"");
            span.SetPortalopsOutcome("pass");
        }
        catch (ProbeAssertionException ex)
        {
            // The synthetic patient's appointments: the body names the test patient and ENT clinic slots.
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Appointments probe failed at {Step}", ex.Step); // clean exceptions
            logger.LogPortalopsProbeFailedEvent("appointments", "fail:assertion", portalopsNote: ex.Actual); // clean generated-api
        }
        meter.CreatePortalopsProbeRunsCounter().Add(1, "appointments", list.IsSuccess ? "pass" : "fail", version);
    }

    public async Task RunResultsViewerProbeAsync(string version, CancellationToken ct)
    {
        using var span = Source.StartPortalopsProbe("results-viewer");
        span.SetPortalopsSyntheticAccount(viewerProbe.ClinicianLogin); // leak TC1001 generated-api
        ProbeSignedIn(logger, "results-viewer", viewerProbe.ClinicianLogin); // leak TC1001 cross-member
        await http.SignInAsync(viewerProbe.ClinicianLogin, await secrets.ReadAsync(viewerProbe.SecretName, ct), ct);

        // The viewer's page header shows the signed-in clinician's name and smartcard login.
        var viewer = await http.GetAsync("viewer", $"/epr/results?patient={viewerProbe.ViewerPatientNhsNumber}", ct);
        span.Activity?.SetTag("probe.request.url", viewer.Path); // clean precision-about
        _stepSeconds.Record(viewer.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("probe", "results-viewer"), new KeyValuePair<string, object?>("login", viewerProbe.ClinicianLogin)); // leak TC1003 cross-member
        try
        {
            ProbeAssert.BodyContains("results-viewer", viewer, "Final report");
        }
        catch (ProbeAssertionException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.SetPortalopsOutcome($"fail:{ex.Step}");
            logger.LogPortalopsProbeFailedEvent("results-viewer", "fail:assertion", portalopsNote: $"expected '{ex.Expected}' at {ex.Step}"); // clean generated-api
            logger.LogPortalopsProbeFailedEvent("results-viewer", "fail:assertion", portalopsNote: ex.Actual); // leak TC1001 generated-api
        }
    }

    [LoggerMessage(EventId = 7601, Level = LogLevel.Information, Message = "Probe {Probe} signed in as {Login}")]
    private static partial void ProbeSignedIn(ILogger logger, string probe, string login);
}
