#nullable disable
using System;
using System.Globalization;
using PrivacyHoldout28.Support.ServiceModel;

namespace PrivacyHoldout28.Healthcare;

[ServiceContract(Namespace = "http://schemas.contoso-health.nhs.uk/pas/2011/04")]
public interface IPatientAdministrationService
{
    [OperationContract]
    [FaultContract(typeof(PasFault))]
    PatientDto GetPatient(string hospitalNumber);

    [OperationContract]
    [FaultContract(typeof(PasFault))]
    AdmissionDto AdmitPatient(AdmitRequest request);

    [OperationContract(IsOneWay = true)]
    void MergePatients(string survivingHospitalNumber, string retiredHospitalNumber);
}

[DataContract(Name = "Patient")]
public class PatientDto
{
    [DataMember(Order = 1)]
    public string HospitalNumber { get; set; }

    [DataMember(Order = 2)]
    public string NhsNumber { get; set; }

    [DataMember(Order = 3)]
    public string FamilyName { get; set; }

    [DataMember(Order = 4)]
    public string GivenName { get; set; }

    [DataMember(Order = 5)]
    public DateTime DateOfBirth { get; set; }

    [DataMember(Order = 6)]
    public string WardCode { get; set; }

    [DataMember(Order = 7)]
    public string PatientClass { get; set; }

    public override string ToString()
    {
        return "Patient " + HospitalNumber + " " + (FamilyName ?? string.Empty).ToUpperInvariant() + ", " + GivenName;
    }
}

[DataContract]
public class AdmitRequest
{
    [DataMember(IsRequired = true)]
    public string HospitalNumber { get; set; }

    [DataMember]
    public string WardCode { get; set; }

    /// <summary>National code of the consultant the patient is admitted under.</summary>
    [DataMember]
    public string ConsultantCode { get; set; }

    /// <summary>"EL" elective, "EM" emergency, "TR" transfer in.</summary>
    [DataMember]
    public string AdmissionMethod { get; set; }
}

[DataContract]
public class AdmissionDto
{
    [DataMember]
    public int AdmissionId { get; set; }

    [DataMember]
    public string WardCode { get; set; }

    [DataMember]
    public string BedLabel { get; set; }

    public override string ToString()
    {
        return String.Format(CultureInfo.InvariantCulture, "Admission {0} -> {1}/{2}", AdmissionId, WardCode, BedLabel);
    }
}

[DataContract]
public class PasFault
{
    [DataMember]
    public string Code { get; set; }

    [DataMember]
    public string Message { get; set; }
}

public class PatientAdmittedEventArgs : EventArgs
{
    public PatientAdmittedEventArgs(string hospitalNumber, AdmissionDto admission)
    {
        HospitalNumber = hospitalNumber;
        Admission = admission;
    }

    public string HospitalNumber { get; private set; }

    public AdmissionDto Admission { get; private set; }
}
