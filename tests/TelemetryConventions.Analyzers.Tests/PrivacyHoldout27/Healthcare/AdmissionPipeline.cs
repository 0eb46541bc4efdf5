using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout27.Healthcare;

public sealed record AdmitRequest(string Ward, string HospitalNumber, string NhsNumber, string Specialty);

public sealed record AdmissionResult(Guid AdmissionId, string BedCode);

public sealed record Bed(string Code, string Ward);

/// <summary>Written to the admissions listener when an admission ends; consumed by the span observer.</summary>
public sealed record AdmissionStopped(string TrustCode, string Ward, TimeSpan Elapsed, string HospitalNumber);

public sealed class PatientMismatchException(string nhsNumber, string hospitalNumber)
    : Exception($"NHS number {nhsNumber} does not match the demographics held for {hospitalNumber}");

public sealed class BedUnavailableException(string ward)
    : Exception($"No bed is free on ward {ward}");

public interface IBedBoard
{
    Task<Bed> AllocateAsync(string ward, string specialty, CancellationToken cancellationToken);

    int OccupiedBeds(string ward);

    int PatientsOnWard(string ward);
}

public interface IDemographicsCheck
{
    Task VerifyAsync(string nhsNumber, string hospitalNumber, CancellationToken cancellationToken);
}

/// <summary>
/// Admits a patient to a ward. Publishes to the "Trust.Epr.Admissions" diagnostic listener, which
/// the span observer and the platform's APM agent subscribe to.
/// </summary>
public sealed class AdmissionPipeline(IBedBoard beds, IDemographicsCheck demographics)
{
    private static readonly DiagnosticListener Diagnostics = new("Trust.Epr.Admissions");

    public async Task<AdmissionResult> AdmitAsync(AdmitRequest request, CancellationToken cancellationToken)
    {
        var trust = TrustContext.Current ?? throw new InvalidOperationException("No trust in context.");
        var started = Stopwatch.GetTimestamp();

        if (Diagnostics.IsEnabled("Admission.Start"))
        {
            Diagnostics.Write("Admission.Start", new { trust.TrustCode, request.Ward, request.Specialty, request.HospitalNumber }); // leak TC1001 logging-objects
        }

        ClinicalEventSource.Log.AdmissionStarted(request.Ward, request.HospitalNumber); // leak TC1001 cross-member

        try
        {
            await demographics.VerifyAsync(request.NhsNumber, request.HospitalNumber, cancellationToken);
            var bed = await beds.AllocateAsync(request.Ward, request.Specialty, cancellationToken);

            Diagnostics.Write("Admission.BedAssigned", new { trust.TrustCode, request.Ward, Bed = bed.Code, trust.PatientRef }); // clean precision-pseudonym
            ClinicalEventSource.Log.BedOccupancyChanged(request.Ward, beds.OccupiedBeds(request.Ward), beds.PatientsOnWard(request.Ward)); // clean precision-names

            return new AdmissionResult(Guid.NewGuid(), bed.Code);
        }
        catch (PatientMismatchException ex)
        {
            Diagnostics.Write("Admission.Failed", new { trust.TrustCode, request.Ward, Error = ex.Message }); // leak TC1001 exceptions
            if (trust.PatientRef is not null)
            {
                ClinicalEventSource.Log.RecordAccessDenied(trust.TrustCode, trust.PatientRef, "demographics-mismatch"); // clean precision-pseudonym
            }

            throw;
        }
        catch (BedUnavailableException ex)
        {
            Diagnostics.Write("Admission.Failed", new { trust.TrustCode, request.Ward, Error = ex.Message }); // clean exceptions
            ClinicalEventSource.Log.AdmissionFailed(request.Ward, nameof(BedUnavailableException), ex.Message); // clean exceptions
            throw;
        }
        finally
        {
            if (Diagnostics.IsEnabled("Admission.Stop"))
            {
                Diagnostics.Write("Admission.Stop", new AdmissionStopped(trust.TrustCode, request.Ward, Stopwatch.GetElapsedTime(started), request.HospitalNumber)); // leak TC1001 logging-objects
            }
        }
    }
}
