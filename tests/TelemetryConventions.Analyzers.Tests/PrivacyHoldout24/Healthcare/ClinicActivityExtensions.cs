using System.Diagnostics;

namespace PrivacyHoldout24.Healthcare;

/// <summary>Tags the clinic's services add to the current request's span.</summary>
public static class ClinicActivityExtensions
{
    public static Activity? TagWard(this Activity? activity, string ward) => activity?.SetTag("clinic.ward", ward);

    public static Activity? TagHospitalNumber(this Activity? activity, string hospitalNumber) => activity?.SetTag("clinic.patient.hospital_number", hospitalNumber); // leak TC1001 direct
}
