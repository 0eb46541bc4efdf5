#nullable disable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Support.ServiceModel;
using PrivacyHoldout28.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout28.Healthcare;

/// <summary>Static holder for what the old web.config gave the service.</summary>
public static class PasConfiguration
{
    private static Pseudonymizer _pseudonymizer;

    public static string ConnectionString
    {
        get { return ConfigurationManager.ConnectionString("PAS"); }
    }

    public static Pseudonymizer Pseudonymizer
    {
        get { return LazyInitializer.EnsureInitialized(ref _pseudonymizer, Pseudonymizer.FromEnvironment); }
    }
}

[ServiceBehavior(InstanceContextMode = InstanceContextMode.PerCall, ConcurrencyMode = ConcurrencyMode.Multiple)]
public partial class PatientAdministrationService : IPatientAdministrationService
{
    private static readonly AppLogger _log = AppLogger.For(typeof(PatientAdministrationService));
    private static readonly ActivitySource Source = new ActivitySource("Contoso.Pas");
    private static readonly Meter PasMeter = new Meter("Contoso.Pas");
    private static readonly Counter<long> Admissions = PasMeter.CreateCounter<long>("pas.admissions");

    private readonly PatientRepository _repository;
    private readonly Pseudonymizer _pseudonymizer;

    public event EventHandler<PatientAdmittedEventArgs> PatientAdmitted;

    public PatientAdministrationService()
        : this(new PatientRepository(PasConfiguration.ConnectionString), PasConfiguration.Pseudonymizer)
    {
    }

    public PatientAdministrationService(PatientRepository repository, Pseudonymizer pseudonymizer)
    {
        _repository = repository;
        _pseudonymizer = pseudonymizer;
    }

    #region IPatientAdministrationService

    public PatientDto GetPatient(string hospitalNumber)
    {
        using (Activity activity = Source.StartActivity("PAS GetPatient"))
        {
            _log.Info("GetPatient called for " + hospitalNumber); // leak TC1001 strings
            if (activity != null)
            {
                activity.SetTag("pas.caller", OperationContext.Current.ServiceSecurityContext.PrimaryIdentity.Name); // leak TC1001 direct
                activity.SetTag("pas.caller.authenticated", OperationContext.Current.ServiceSecurityContext.PrimaryIdentity.IsAuthenticated); // clean precision-about
            }

            string normalised;
            if (!HospitalNumbers.TryNormalise(hospitalNumber, out normalised))
            {
                _log.Warn("GetPatient rejected a malformed hospital number (" + (hospitalNumber ?? string.Empty).Length + " chars)"); // clean precision-about
                throw new FaultException<PasFault>(new PasFault { Code = "PAS-001", Message = "Malformed hospital number" }, "Malformed hospital number");
            }

            activity?.SetTag("pas.patient.ref", _pseudonymizer.ComputeLegacySubjectId(normalised)); // clean precision-pseudonym
            activity?.SetTag("pas.patient.key", Md5Hex(normalised)); // leak TC1002 hashes

            PatientDto patient = _repository.FindByHospitalNumber(normalised);
            if (patient == null)
            {
                throw new PatientNotFoundException(normalised);
            }

            activity?.SetTag("pas.patient.class", patient.PatientClass); // clean precision-names
            _log.Debug("Loaded " + patient); // leak TC1001 logging-objects
            return patient;
        }
    }

    public AdmissionDto AdmitPatient(AdmitRequest request)
    {
        LegacyOperationSpan span = Activity.Current.EnrichLegacyOperation("AdmitPatient");
        string method;
        switch (request.AdmissionMethod)
        {
            case "EL":
                method = "elective";
                break;
            case "EM":
                method = "emergency";
                break;
            case "TR":
                method = "transfer";
                break;
            default:
                _log.Warn("Unknown admission method '" + request.AdmissionMethod + "' for " + request.HospitalNumber + ", treating as elective"); // leak TC1001 strings
                method = "elective";
                break;
        }

        AdmissionDto admission = _repository.InsertAdmission(request, method);
        span.SetLegacySubjectId(_pseudonymizer.PseudonymizeLegacySubjectId(request.HospitalNumber)).SetLegacyRowCount(1); // clean precision-pseudonym
        span.SetLegacyNote("admitted " + request.HospitalNumber + " to " + admission.WardCode); // leak TC1001 generated-api
        Admissions.Add(1, new KeyValuePair<string, object>("pas.ward", admission.WardCode), new KeyValuePair<string, object>("pas.consultant", request.ConsultantCode)); // leak TC1003 direct
        _log.Info(String.Format("Admitted to {0} ({1})", admission.WardCode, admission)); // clean logging-objects

        OnPatientAdmitted(new PatientAdmittedEventArgs(request.HospitalNumber, admission));
        return admission;
    }

    public void MergePatients(string survivingHospitalNumber, string retiredHospitalNumber)
    {
        ThreadPool.QueueUserWorkItem(MergeCallback, new string[] { survivingHospitalNumber, retiredHospitalNumber });
    }

    #endregion

    protected virtual void OnPatientAdmitted(PatientAdmittedEventArgs e)
    {
        EventHandler<PatientAdmittedEventArgs> handler = PatientAdmitted;
        if (handler != null)
        {
            handler(this, e);
        }
    }

    private void MergeCallback(object state)
    {
        string[] numbers = (string[])state;
        try
        {
            int moved = _repository.MovePatientRecords(numbers[0], numbers[1]);
            Log.Info("Merge complete: " + moved + " record(s) moved"); // clean precision-about
            Log.Info("Merged " + numbers[1] + " into " + numbers[0]); // leak TC1001 cross-member
        }
        catch (PatientMergeConflictException ex)
        {
            Log.Error(ex, "Merge failed: " + ex.ConflictingTable); // clean exceptions
        }
    }

    private static string Md5Hex(string value)
    {
        using (MD5 md5 = MD5.Create())
        {
            byte[] hash = md5.ComputeHash(Encoding.UTF8.GetBytes(value));
            StringBuilder sb = new StringBuilder(32);
            for (int i = 0; i < hash.Length; i++)
            {
                sb.Append(hash[i].ToString("x2"));
            }

            return sb.ToString();
        }
    }
}

public static class HospitalNumbers
{
    public static bool TryNormalise(string value, out string normalised)
    {
        normalised = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        string trimmed = value.Trim().ToUpperInvariant();
        if (trimmed.Length != 8 || !char.IsLetter(trimmed[0]))
        {
            return false;
        }

        normalised = trimmed;
        return true;
    }
}
