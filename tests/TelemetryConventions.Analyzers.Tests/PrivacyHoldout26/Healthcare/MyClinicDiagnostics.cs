using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Maui.ApplicationModel;
using Microsoft.Maui.Devices;
using PrivacyHoldout26.Telemetry;
using Sentry;
using TelemetryConventions;

namespace PrivacyHoldout26.Healthcare;

/// <summary>The patient signed in to the MyClinic app on their own phone.</summary>
public sealed record PatientSession(string HospitalNumber, string GivenName, string Email, string PreferredPharmacy);

/// <summary>
/// Crash reporting and device context of the MyClinic patient app. The app hooks the process's
/// unhandled-exception events itself (the SDK's own hooks are off) so that it can log before it dies.
/// </summary>
public sealed class MyClinicDiagnostics(
    ILogger<MyClinicDiagnostics> logger,
    IDeviceInfo device,
    IAppInfo appInfo,
    Pseudonymizer pseudonymizer)
{
    public static readonly ActivitySource Source = new("MyClinic.App", "3.4.0");

    public IDisposable Start()
    {
        var sdk = SentrySdk.Init(options =>
        {
            options.Dsn = "https://7f3c0a@o41.ingest.example.io/118";
            options.Release = $"myclinic@{appInfo.VersionString}+{appInfo.BuildString}";
            options.MaxBreadcrumbs = 60;
            options.SendDefaultPii = false;
            options.DisableAppDomainUnhandledExceptionCapture();
            options.DisableUnobservedTaskExceptionCapture();
        });

        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        TaskScheduler.UnobservedTaskException += OnUnobservedTaskException;

        SentrySdk.ConfigureScope(scope =>
        {
            scope.SetTag("device.model", $"{device.Manufacturer} {device.Model}"); // clean precision-names
            scope.SetTag("device.os", $"{device.Platform} {device.VersionString}");
            scope.SetExtra("device.name", device.Name); // leak TC1001 precision-names
        });

        logger.LogInformation("MyClinic {Version} started on a {Idiom} ({DeviceType})", appInfo.VersionString, device.Idiom, device.DeviceType);
        return sdk;
    }

    public void SignedIn(PatientSession session)
    {
        var patientRef = pseudonymizer.ComputeAppUserId(session.HospitalNumber);
        SentrySdk.ConfigureScope(scope => scope.User = new SentryUser { Id = patientRef }); // clean precision-pseudonym
        Activity.Current?.SetTag(AppAttributes.UserId, patientRef); // clean precision-pseudonym
        SentrySdk.AddBreadcrumb($"Signed in, nominated pharmacy {session.PreferredPharmacy}", "auth"); // clean strings
        logger.LogInformation("Signed in as {Patient}", session); // leak TC1001 logging-objects
    }

    public void SignedOut() => SentrySdk.ConfigureScope(scope => scope.Clear());

    private void OnUnhandledException(object sender, UnhandledExceptionEventArgs e)
    {
        var exception = e.ExceptionObject as Exception ?? new InvalidOperationException("A non-exception object was thrown.");
        SentrySdk.CaptureException(exception); // clean exceptions
        logger.LogCritical(exception, "Unhandled exception, terminating: {Terminating}", e.IsTerminating); // clean exceptions
    }

    private void OnUnobservedTaskException(object? sender, UnobservedTaskExceptionEventArgs e)
    {
        SentrySdk.CaptureException(e.Exception); // clean exceptions
        e.SetObserved();
    }
}
