#nullable disable
using System;
using System.Diagnostics;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Support.ServiceModel;
using PrivacyHoldout28.Telemetry;

namespace PrivacyHoldout28.Healthcare;

/// <summary>
/// Added to the PAS host's service behaviours: sees every exception the operations of
/// <see cref="PatientAdministrationService"/> let escape.
/// </summary>
public class PasErrorHandler : IErrorHandler
{
    private static readonly AppLogger _log = AppLogger.For(typeof(PasErrorHandler));

    public bool HandleError(Exception error)
    {
        FaultException fault = error as FaultException;
        if (fault != null)
        {
            _log.Info("Fault returned to caller: " + fault.Reason); // clean exceptions
            return true;
        }

        PasException pasError = error as PasException;
        if (pasError != null)
        {
            _log.Error("PAS operation failed (" + pasError.FaultCode + ")", pasError); // leak TC1001 exceptions
            Activity.Current.EnrichSvcCall("IPatientAdministrationService", "Unknown").SetSvcFaultReason(pasError.GetType().Name); // clean exceptions
            return true;
        }

        _log.Error("Unhandled error in PAS: " + error.GetType().FullName); // clean exceptions
        return false;
    }

    public void ProvideFault(Exception error, out FaultException fault)
    {
        PasException pasError = error as PasException;
        string code = pasError != null ? pasError.FaultCode : "PAS-500";
        fault = new FaultException<PasFault>(new PasFault { Code = code, Message = error.Message }, error.Message);
    }
}

/// <summary>Bed management listens to admissions to hold a bed.</summary>
public class BedManagementListener
{
    private readonly AppLogger _log = AppLogger.For(typeof(BedManagementListener));

    public void Attach(PatientAdministrationService service)
    {
        service.PatientAdmitted += OnPatientAdmitted;
    }

    private void OnPatientAdmitted(object sender, PatientAdmittedEventArgs e)
    {
        _log.Info("Holding bed " + e.Admission.BedLabel + " on " + e.Admission.WardCode); // clean precision-about
        _log.Info("Bed requested for " + e.HospitalNumber); // leak TC1001 cross-member
    }
}
