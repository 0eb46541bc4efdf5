using System.Diagnostics;
using System.Security.Claims;
using GreenDonut;
using HotChocolate;
using HotChocolate.Types;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Healthcare;

[QueryType]
public sealed class PatientQueries
{
    public async Task<Patient> GetPatientAsync(string hospitalNumber, PatientByHospitalNumberDataLoader patients, ClaimsPrincipal viewer, ILogger<PatientQueries> logger, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("portal.patient.hospital_number", hospitalNumber); // leak TC1001 direct
        var patient = await patients.LoadAsync(hospitalNumber, cancellationToken) ?? throw new PatientNotFoundException(hospitalNumber);
        if (viewer.FindFirst("patient_id")?.Value != patient.Id.ToString() && !viewer.IsInRole("clinician"))
        {
            throw new GraphQLException("You may only view your own record.");
        }

        logger.LogDebug("Patient resolved for clinic {ClinicCode}", patient.ClinicCode); // clean precision-about
        return patient;
    }

    public async Task<Patient?> FindByNhsNumberAsync(string nhsNumber, [Service] IPatientRecords records, ILogger<PatientQueries> logger, CancellationToken cancellationToken)
    {
        var looksValid = nhsNumber.Length == 10 && nhsNumber.All(char.IsAsciiDigit);
        logger.LogInformation("NHS number lookup (well formed: {WellFormed})", looksValid); // clean precision-about
        return looksValid ? await records.FindByNhsNumberAsync(nhsNumber, cancellationToken) : null;
    }
}

[MutationType]
public sealed class AppointmentMutations(Pseudonymizer pseudonymizer)
{
    public async Task<Appointment> BookAppointmentAsync(Guid patientId, Guid slotId, [Service] IPatientRecords records, ILogger<AppointmentMutations> logger, CancellationToken cancellationToken)
    {
        Activity.Current.EnrichAppGraphqlRequest("BookAppointment").SetAppUserId(pseudonymizer.PseudonymizeAppUserId(patientId.ToString())); // clean precision-pseudonym
        var appointment = await records.BookAsync(patientId, slotId, cancellationToken);
        logger.LogInformation("Booked appointment {AppointmentId} in slot {SlotId} at {ClinicCode}", appointment.Id, slotId, appointment.ClinicCode); // clean precision-names
        return appointment;
    }
}

[ExtendObjectType<Patient>]
public sealed class PatientExtensions
{
    public async Task<Appointment[]> GetAppointmentsAsync([Parent] Patient patient, AppointmentsByPatientDataLoader appointments, CancellationToken cancellationToken)
    {
        var span = Activity.Current;
        span?.SetTag("portal.clinic", patient.ClinicCode); // clean precision-about
        span?.SetTag("portal.patient.family_name", patient.FamilyName); // leak TC1001 direct
        var result = await appointments.LoadAsync(patient.Id, cancellationToken) ?? [];
        span?.SetTag("portal.appointment.count", result.Length); // clean precision-about
        return result;
    }

    public string GetDisplayName([Parent] Patient patient, ILogger<PatientExtensions> logger)
    {
        var name = $"{patient.GivenName} {patient.FamilyName}";
        logger.LogTrace("Display name resolved: {DisplayName}", name); // leak TC1001 strings
        return name;
    }
}
