using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using TelemetryConventions;

namespace PrivacyHoldout8.Healthcare;

public sealed record DischargeRequest(string Mrn, string NextOfKinPhone, string WardCode, string DischargeId);

/// <summary>Logs and tags discharges; the team keeps request context in logging scopes.</summary>
public sealed class DischargeLogging(ILogger<DischargeLogging> logger, Pseudonymizer pseudonymizer)
{
    private static readonly Meter Meter = new("PrivacyHoldout8.Healthcare.Discharges");
    private static readonly Histogram<double> LengthOfStay = Meter.CreateHistogram<double>("discharge.length_of_stay", "d");

    public void Record(DischargeRequest request, DateOnly admitted, DateOnly discharged)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["DischargeId"] = request.DischargeId, ["Ward"] = request.WardCode }); // clean logging-objects
        using var patientScope = logger.BeginScope(new Dictionary<string, object> { ["Mrn"] = request.Mrn }); // leak TC1001 logging-objects
        using var kinScope = logger.BeginScope("Next of kin {Phone}", request.NextOfKinPhone); // leak TC1001 direct

        var days = discharged.DayNumber - admitted.DayNumber;
        LengthOfStay.Record(days, new KeyValuePair<string, object?>("ward.code", request.WardCode)); // clean direct
        LengthOfStay.Record(days, new KeyValuePair<string, object?>("patient.mrn", request.Mrn)); // leak TC1003 direct

        var message = string.Format(CultureInfo.InvariantCulture, "Discharged {0} after {1} days", request.DischargeId, days);
        logger.LogInformation(message); // clean strings
        var detail = string.Format(CultureInfo.InvariantCulture, "Discharged {0} ({1})", request.DischargeId, request.Mrn);
        Activity.Current?.SetTag("discharge.detail", detail); // leak TC1001 strings
        Activity.Current?.SetTag("discharge.summary", $"{request.WardCode}/{days}d"); // clean strings

        Baggage.SetBaggage("discharge.patient", request.Mrn); // leak TC1001 direct
        Activity.Current?.SetTag("discharge.patient_ref", pseudonymizer.Compute("healthcare.patient", request.Mrn)); // clean precision-pseudonym
        Activity.Current?.SetTag("discharge.kin_phone", pseudonymizer.Compute("healthcare.kin", request.NextOfKinPhone)); // clean precision-pseudonym
    }
}
