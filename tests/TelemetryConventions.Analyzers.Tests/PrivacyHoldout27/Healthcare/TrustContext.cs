using System.Diagnostics;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout27.Support;
using PrivacyHoldout27.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout27.Healthcare;

/// <summary>
/// The trust (tenant), the clinician and the patient in context for the current request. The EPR
/// serves several NHS trusts from one deployment; library code deep in the record stack reads this
/// instead of taking the values as parameters.
/// </summary>
public sealed class TrustContext
{
    private static readonly AsyncLocal<TrustContext?> Slot = new();

    public static TrustContext? Current
    {
        get => Slot.Value;
        set => Slot.Value = value;
    }

    public required string TrustCode { get; init; }

    public required string ClinicianStaffNumber { get; init; }

    public required string ClinicianRole { get; init; }

    public string? PatientHospitalNumber { get; set; }

    /// <summary>The patient's pseudonym, set by the middleware with the generated helper.</summary>
    public string? PatientRef { get; set; }
}

public sealed class TrustContextMiddleware(Pseudonymizer pseudonymizer, ILogger<TrustContextMiddleware> logger) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var trustCode = context.User.FindFirstValue("trust") ?? "unknown";
        var staffNumber = context.User.FindFirstValue("staff_number") ?? string.Empty;
        var role = context.User.FindFirstValue(ClaimTypes.Role) ?? "clinician";

        var trust = new TrustContext { TrustCode = trustCode, ClinicianStaffNumber = staffNumber, ClinicianRole = role };
        if (context.Request.RouteValues.TryGetValue("hospitalNumber", out var hospitalNumber) && hospitalNumber is not null)
        {
            trust.PatientHospitalNumber = hospitalNumber;
            trust.PatientRef = pseudonymizer.ComputeTenancySubjectId(hospitalNumber);
        }

        TrustContext.Current = trust;

        var activity = Activity.Current;
        activity?.SetBaggage("trust.code", trust.TrustCode); // clean direct
        activity?.SetBaggage("clinician.role", trust.ClinicianRole); // clean precision-names
        activity?.AddBaggage("clinician.staff_number", staffNumber); // leak TC1001 direct
        if (trust.PatientRef is not null)
        {
            activity?.SetBaggage("patient.ref", trust.PatientRef); // clean precision-pseudonym
        }

        logger.LogDebug("Trust context {TrustCode} set for a {ClinicianRole}", trust.TrustCode, trust.ClinicianRole); // clean precision-names

        try
        {
            await next(context);
        }
        finally
        {
            TrustContext.Current = null;
        }
    }
}
