using System;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout27.Support;

namespace PrivacyHoldout27.Healthcare;

/// <summary>
/// Subscribes to the admissions listener and turns its events into spans and log lines, so the
/// admission code does not depend on OpenTelemetry.
/// </summary>
public sealed class AdmissionSpanObserver(ILogger<AdmissionSpanObserver> logger)
    : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly ActivitySource Source = new("Trust.Epr.Admissions");
    private readonly List<IDisposable> _subscriptions = new();
    private Activity? _current;

    public IDisposable Start()
    {
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        return this;
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "Trust.Epr.Admissions")
        {
            _subscriptions.Add(listener.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Key)
        {
            case "Admission.Start":
                _current = Source.StartActivity("admission", ActivityKind.Internal);
                _current?.SetTag("epr.trust", PayloadProperty.Read<string>(value.Value, "TrustCode"));
                _current?.SetTag("epr.ward", PayloadProperty.Read<string>(value.Value, "Ward"));
                _current?.SetTag("patient.hospital_number", PayloadProperty.Read<string>(value.Value, "HospitalNumber")); // leak TC1001 cross-member
                break;

            case "Admission.BedAssigned":
                _current?.SetTag("epr.bed", PayloadProperty.Read<string>(value.Value, "Bed"));
                _current?.SetTag("patient.ref", PayloadProperty.Read<string>(value.Value, "PatientRef")); // clean precision-pseudonym
                break;

            case "Admission.Failed":
                _current?.SetStatus(ActivityStatusCode.Error, PayloadProperty.Read<string>(value.Value, "Error")); // leak TC1001 exceptions
                break;

            case "Admission.Stop" when value.Value is AdmissionStopped stopped:
                logger.LogInformation("Admission on {Ward} in {TrustCode} took {ElapsedMs} ms", stopped.Ward, stopped.TrustCode, stopped.Elapsed.TotalMilliseconds); // clean logging-objects
                logger.LogDebug("Admission stopped: {Admission}", stopped); // leak TC1001 logging-objects
                _current?.Dispose();
                _current = null;
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
