namespace PrivacyHoldout153.Healthcare;

/// <summary>Pulls electronic prescriptions for dispensing and records Pharmacy First consultations.</summary>
public sealed class PharmacyFirstHandler(
    ISpineClient spine,
    IDutyRota rota,
    Pseudonymizer pseudonymizer,
    ILogger<PharmacyFirstHandler> logger)
{
    private static readonly ActivitySource Source = new("HighStreet.Pharmacy.Dispensing");
    private EpsPrescription? _current;

    public async Task<DispensingJob?> PullAsync(string prescriptionId, string pharmacyOds, CancellationToken cancellationToken)
    {
        using var span = Source.StartDentalOperation(pharmacyOds);
        try
        {
            _current = await spine.PullAsync(prescriptionId, cancellationToken);
        }
        catch (PrescriptionNotFoundException ex)
        {
            logger.LogWarning(ex, "Prescription pull failed at {Pharmacy}", pharmacyOds); // leak TC1001 exceptions
            logger.LogDentalOperationFailedEvent(pharmacyOds, "not-found", dentalNote: ex.GetType().Name); // clean exceptions
            return null;
        }
        catch (SpineUnavailableException ex)
        {
            logger.LogDentalOperationFailedEvent(pharmacyOds, "spine-down", dentalNote: ex.Message); // clean exceptions
            return null;
        }

        var job = new DispensingJob($"job-{Guid.NewGuid():N}", pharmacyOds, _current!.ItemCount, "queued");
        span.SetDentalItemCount(job.Items); // clean precision-about
        span.SetDentalNote($"Pulled {prescriptionId} for {job.JobId}"); // leak TC1001 generated-api
        span.SetDentalNote($"Queued {job.JobId}, exempt {_current.Exempt}"); // clean generated-api
        logger.LogInformation("Dispensing job {@Job}", job); // clean logging-objects
        logger.LogInformation("Dispensing for {Patient}", pseudonymizer.PseudonymizeDentalPatientId(_current.NhsNumber)); // clean precision-pseudonym
        await spine.ClaimAsync(prescriptionId, pharmacyOds, cancellationToken);
        return job;
    }

    public void Checked(DispensingJob job)
    {
        Activity.Current?.SetTag("pharmacy.exemption", _current?.ExemptionCode); // clean cross-member
        Activity.Current?.SetTag("pharmacy.patient.name", _current?.PatientName); // leak TC1001 cross-member
        Activity.Current?.SetTag("pharmacy.job", job.JobId); // clean precision-names
    }

    public async Task RecordConsultationAsync(Consultation consultation, CancellationToken cancellationToken)
    {
        using var span = Source.StartDentalOperation("pharmacy-first");
        span.SetDentalService(consultation.Condition); // clean precision-about
        span.SetDentalClinicianId(pseudonymizer.PseudonymizeDentalClinicianId(consultation.PharmacistGphcNumber)); // clean generated-api
        span.SetDentalPatientId(Pseudonym.FromComputed(consultation.NhsNumber)); // leak TC1001 precision-pseudonym
        span.SetDentalNote(consultation.Notes); // leak TC1001 generated-api
        var duty = await rota.OnDutyAsync("FA123", cancellationToken);
        Activity.Current?.SetTag(DentalAttributes.Contact, duty.Mobile); // leak TC1001 generated-api
        logger.LogInformation("Consultation {ConsultationId} for {Condition}", consultation.ConsultationId, consultation.Condition); // clean precision-names
        try
        {
            if (!await rota.RingAsync(duty.Mobile, cancellationToken))
            {
                throw new DutyPharmacistUnreachableException(duty.Mobile);
            }
        }
        catch (DutyPharmacistUnreachableException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
        }
    }
}
