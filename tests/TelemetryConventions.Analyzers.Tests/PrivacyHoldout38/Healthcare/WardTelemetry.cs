using PrivacyHoldout38.Support;

namespace PrivacyHoldout38.Healthcare;

/// <summary>The ward systems team's telemetry helpers, as C# 14 extension blocks.</summary>
public static class WardTelemetry
{
    extension(Activity? activity)
    {
        public Activity? WithWard(string ward) => activity?.SetTag("clinic.ward", ward); // clean direct

        public Activity? WithHospitalNumber(string hospitalNumber) => activity?.SetTag("patient.hospital_number", hospitalNumber); // leak TC1001 direct

        public Activity? WithPatientRef(Pseudonym patientRef) => activity?.SetTag(PartyAttributes.Ref, patientRef.Value); // clean precision-pseudonym
    }

    extension(Patient patient)
    {
        /// <summary>How the ward's audit screens label a patient.</summary>
        public string AuditLabel => $"{patient.FamilyName.ToUpperInvariant()}, {patient.GivenName} ({patient.HospitalNumber})";

        public bool HasMobile => patient.MobilePhone is { Length: > 0 };

        public string AgeBand(DateOnly today) => (today.Year - patient.DateOfBirth.Year) switch
        {
            < 18 => "paediatric",
            < 65 => "adult",
            _ => "older-adult",
        };
    }

    extension(Pseudonymizer pseudonymizer)
    {
        public Pseudonym PatientRef(Patient patient) => pseudonymizer.PseudonymizePartyRef(patient.HospitalNumber);

        public string PatientRefText(string hospitalNumber) => pseudonymizer.ComputePartyRef(hospitalNumber);
    }
}
