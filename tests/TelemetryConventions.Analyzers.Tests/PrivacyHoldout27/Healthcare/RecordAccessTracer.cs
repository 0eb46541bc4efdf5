using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout27.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout27.Healthcare;

/// <summary>
/// Called by the record repositories whenever a section of a record is opened. It takes nothing
/// but the section: who and for whom come from the ambient trust context.
/// </summary>
public sealed class RecordAccessTracer(ILogger<RecordAccessTracer> logger)
{
    public void SectionOpened(string section, int entryCount)
    {
        var trust = TrustContext.Current;
        if (trust is null)
        {
            return;
        }

        var activity = Activity.Current;
        activity?.SetTag("epr.record.section", section);
        activity?.SetTag("clinician.staff_number", trust.ClinicianStaffNumber); // leak TC1001 cross-member
        activity?.SetTag("patient.ref", trust.PatientRef); // clean precision-pseudonym
        activity?.SetTag("patient.record.entries", entryCount); // clean precision-names

        logger.LogInformation("Record section {Section} opened for {HospitalNumber}", section, trust.PatientHospitalNumber); // leak TC1001 cross-member
    }

    public void SectionDenied(string section, Pseudonym patient)
    {
        var trust = TrustContext.Current!;
        activity().EnrichTenancyWork(trust.TrustCode, "record.open").SetTenancySubjectId(patient).SetTenancyOutcome($"denied: {section}"); // clean generated-api
        activity()?.SetTag("patient.hospital_number_present", trust.PatientHospitalNumber is not null); // clean precision-about

        static Activity? activity() => Activity.Current;
    }
}
