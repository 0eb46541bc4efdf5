namespace PrivacyHoldout38.Healthcare;

/// <summary>Reads HL7 v2 segments from the interface engine and describes ADT events.</summary>
public sealed class AdtFeedProcessor(ILogger<AdtFeedProcessor> logger, ActivitySource source, Pseudonymizer pseudonymizer)
{
    public void Handle(string segment)
    {
        string[] fields = segment.Split('|');
        using var activity = source.StartActivity("adt.segment");

        switch (fields)
        {
            case ["PID", _, _, var identifiers, _, var name, ..]:
                var hospitalNumber = identifiers.Split('^')[0];
                activity?.SetTag("hl7.segment", "PID"); // clean precision-names
                activity?.SetTag("hl7.pid.identifier", hospitalNumber); // leak TC1001 direct
                activity?.SetTag("hl7.pid.name_length", name.Length); // clean precision-about
                activity?.SetTag(PartyAttributes.Ref, pseudonymizer.ComputePartyRef(hospitalNumber)); // clean precision-pseudonym
                break;

            case ["PV1", _, var patientClass, var location, ..]:
                activity?.SetTag("hl7.pv1.patient_class", patientClass); // clean precision-names
                activity?.SetTag("hl7.pv1.location", location); // clean direct
                break;

            case [var type, ..]:
                logger.LogDebug("Skipped {SegmentType} with {FieldCount} fields", type, fields.Length); // clean precision-about
                break;
        }
    }

    public void Describe(AdtEvent adt)
    {
        var (kind, detail) = adt switch
        {
            PatientAdmitted a => ("admitted", $"acuity {a.Acuity}"),
            PatientTransferred t => ("transferred", $"{t.Ward} -> {t.ToWard}"),
            PatientDischarged d => ("discharged", d.Destination),
            RecordsMerged m => ("merged", $"{m.RetiredNumber} into {m.SurvivingNumber}"),
            _ => ("other", adt.GetType().Name),
        };
        logger.LogInformation("ADT {Kind}: {Detail}", kind, detail); // leak TC1001 strings
    }

    public void Summarise(AdtEvent adt)
    {
        var ward = adt switch
        {
            PatientTransferred { ToWard: var to } => to,
            { Ward: var current } => current,
        };
        logger.LogInformation("ADT event for {Ward} at {OccurredAt}", ward, adt.OccurredAt); // clean direct
    }
}
